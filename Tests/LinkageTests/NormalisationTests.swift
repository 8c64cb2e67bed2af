import Testing

@testable import Linkage

@Suite("Normalising names, dates, postcodes and sex")
struct NormalisationTests {
    let names = NameNormaliser()

    @Test(arguments: [
        ("O'Brien", "obrien"), ("  Zoë   MÜLLER-Smith ", "zoe muller smith"), ("Liz", "elizabeth"),
        ("BILL", "william"), ("Siân", "sian"), ("St. John", "st john"), ("D.J.", "dj"),
    ])
    func namesCompareInOneForm(raw: String, normalised: String) {
        #expect(names.normalise(raw) == normalised)
    }

    /// Names in plain ASCII take a faster path; a non-breaking space (not ASCII, and a break
    /// like any space) sends the same name down the general one, which must agree.
    @Test(arguments: [
        "O'Brien", " SMITH-JONES  ", "Mary Ann", "D.J.", "st. john", "van der Berg", "x2y", "Liz", "a--b", "-",
    ])
    func plainNamesReadAsTheGeneralPathReadsThem(raw: String) {
        #expect(names.normalise(raw) == names.normalise(raw + "\u{00A0}"))
        #expect(NameNormaliser(variants: [:]).normalise(raw) == NameNormaliser(variants: [:]).normalise("\u{00A0}" + raw))
    }

    @Test func anUnreadableNameIsMissing() {
        #expect(names.normalise("") == nil)
        #expect(names.normalise(" -- ") == nil)
    }

    @Test(arguments: [
        "2011-03-27", "20110327", "27/03/2011", "27-03-2011", "27.03.2011", "27/3/11", "03/27/2011",
        "27 Mar 2011", "27 March 2011", "27-MAR-2011", "27 mar, 2011",
    ])
    func datesInManyForms(raw: String) {
        #expect(LinkageDate.parse(raw) == LinkageDate(year: 2011, month: 3, day: 27))
    }

    @Test(arguments: [
        "", "unknown", "31/02/2011", "2011-13-01", "1/2", "99999999", "27 Ma 2011", "31 Feb 2011", "27 Mar 11",
    ])
    func anUnreadableDateIsMissing(raw: String) {
        #expect(LinkageDate.parse(raw) == nil)
    }

    @Test func twoDigitYearsAreNotInTheFuture() {
        #expect(LinkageDate.parse("01/02/95")?.year == 1995)
        #expect(LinkageDate.parse("01/02/09")?.year == 2009)
    }

    @Test func postcodesSplitIntoDistrictAndSector() throws {
        let code = try #require(Postcode("sw1a1aa"))
        #expect(code.description == "SW1A 1AA")
        #expect(code.district == "SW1A")
        #expect(code.sector == "SW1A 1")
        #expect(Postcode("M1 1AE")?.sector == "M1 1")
        #expect(Postcode("not a postcode") == nil)
        #expect(Postcode("12345") == nil)
    }

    @Test func sexCodes() {
        #expect(LinkageSex("M") == .male)
        #expect(LinkageSex("2") == .female)
        #expect(LinkageSex(" Female ") == .female)
        #expect(LinkageSex("9") == nil)
        #expect(LinkageSex("unknown") == nil)
    }
}
