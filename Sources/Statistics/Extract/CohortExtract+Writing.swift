import Foundation
import SecurePlaceCore

extension CohortExtract {
    /// A home's reference in the answers file, given its identifier.
    public typealias HomeReference = (UUID) -> String

    /// The referrals file: one row per referral, times in UTC to the second.
    public func referralsCSV() -> String {
        var lines = [(Self.referralColumns + Self.optionalReferralColumns).joined(separator: ",")]
        lines.reserveCapacity(members.count + 1)
        for member in members {
            let record = member.record
            let fields: [String] = [
                member.referral, member.child, Self.text(record.submittedAt), member.submittedOn.iso, record.regionCode,
                record.localAuthorityCode, record.legalBasis.rawValue, record.urgency.rawValue, record.sex.rawValue,
                String(record.ageAtReferral), record.flags.sorted().map(\.rawValue).joined(separator: ";"),
                record.outcome.rawValue, record.firstOfferAt.map(Self.text) ?? "", record.placedAt.map(Self.text) ?? "",
                record.closedAt.map(Self.text) ?? "", record.alternative?.rawValue ?? "",
                record.hoursWithoutOrder.map { String(format: "%.3f", $0) } ?? "",
                record.kilometresFromHome.map { String(format: "%.3f", $0) } ?? "", record.ethnicity?.code ?? "",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The answers file: one row per home a referral went to or that answered it.
    public func answersCSV(homeReference: HomeReference) -> String {
        var lines = [Self.answerColumns.joined(separator: ",")]
        for member in members {
            for approach in member.record.approaches {
                let (answer, reasons, due): (String, String, String) =
                    switch approach.answer {
                    case .offered: ("offered", "", "")
                    case .declined(let reasons):
                        ("declined", reasons.sorted().map(\.rawValue).joined(separator: ";"), "")
                    case .notAnswered(let respondBy): ("not-answered", "", Self.text(respondBy))
                    }
                lines.append(
                    [member.referral, homeReference(approach.homeID), answer, reasons, due].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The follow-up checks file: every check recorded on a child after a referral in the
    /// extract (none for a child followed through an imported return).
    public func checksCSV() -> String {
        var lines = [Self.checkColumns.joined(separator: ",")]
        for member in members {
            for check in member.record.followUpChecks {
                lines.append(
                    [
                        member.referral, check.dueOn.iso, check.placement.rawValue, String(check.movesSinceLastCheck),
                        check.inCustody ? "yes" : "no",
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The episodes file: every placement of every child in the extract.
    public func episodesCSV() -> String {
        var lines = [Self.episodeColumns.joined(separator: ",")]
        for (child, spells) in zip(children, spellsOfChild).sorted(by: { $0.0 < $1.0 }) {
            for spell in spells {
                lines.append(
                    [
                        child, spell.startedOn.iso, spell.type.rawValue, spell.endedOn?.iso ?? "",
                        spell.endedInCustodySentence ? "yes" : "no", spell.beginsPlacement ? "yes" : "no",
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, the second the instant falls in.
    static func text(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = seconds - days * 86_400
        let day = CalendarDate(dayNumber: days)
        return day.iso + String(format: "T%02d:%02d:%02dZ", rest / 3_600, rest / 60 % 60, rest % 60)
    }
}
