import Foundation
import Matching
import SecurePlaceCore
import Storage

/// The service's whole history as the acceptance model sees it: every home's answer to every
/// referral, with the home's beds and children as they were when it answered. Read once;
/// questions about any moment are answered from memory.
struct AcceptanceHistory {
    var homes: [UUID: SecureHome]
    var welfareBeds: [UUID: [UUID]]
    /// Each bed's status intervals, oldest first.
    var intervals: [UUID: [BedStatusInterval]]
    var placements: [UUID: [Placement]]
    var referrals: [UUID: Referral]
    var children: [UUID: Child]
    var centroids: [String: Coordinate]
    var responses: [HomeResponse]

    static func load(from store: Store) async throws -> AcceptanceHistory {
        let homes = try await store.homes()
        let beds = try await store.beds()
        let intervals = try await store.bedStatusIntervals(overlappingFrom: .distantPast, to: .distantFuture)
        return AcceptanceHistory(
            homes: Dictionary(uniqueKeysWithValues: homes.map { ($0.id, $0) }),
            welfareBeds: Dictionary(grouping: beds.filter(\.kind.takesWelfarePlacements), by: \.homeID)
                .mapValues { $0.map(\.id) },
            intervals: Dictionary(grouping: intervals, by: \.bedID).mapValues {
                // A zero-length interval (two changes at one instant) sorts before the one after it.
                $0.sorted { ($0.from, $0.to ?? .distantFuture) < ($1.from, $1.to ?? .distantFuture) }
            },
            placements: Dictionary(grouping: try await store.placements(), by: \.homeID),
            referrals: Dictionary(uniqueKeysWithValues: try await store.referrals().map { ($0.id, $0) }),
            children: Dictionary(uniqueKeysWithValues: try await store.children().map { ($0.id, $0) }),
            centroids: Dictionary(
                uniqueKeysWithValues: try await store.localAuthorities().map { ($0.code, $0.centroid) }),
            responses: try await store.responses())
    }

    /// Every answer about the child, as a question with the home's answer, oldest first. A
    /// decline only for want of a bed says nothing about whether the home would take a child
    /// like this one when it has a bed, which is what the model is asked (homes with no vacant
    /// bed are excluded before it is), so it is left out, as the capacity calibration does.
    var answers: [AnsweredQuestion] {
        responses.compactMap { response in
            if case .decline(let reasons, _) = response.answer, !reasons.isEmpty, reasons.allSatisfy(\.isAboutBeds) {
                return nil
            }
            guard let referral = referrals[response.referralID], let home = homes[response.homeID],
                let question = question(referral, home, at: response.respondedAt)
            else { return nil }
            return AnsweredQuestion(question: question, offered: response.isOffer, answeredAt: response.respondedAt)
        }
        .sorted { ($0.answeredAt, $0.question.homeID.uuidString) < ($1.answeredAt, $1.question.homeID.uuidString) }
    }

    /// What a home knew of the referral's child and of its own day at `instant`.
    func question(_ referral: Referral, _ home: SecureHome, at instant: Date) -> OfferQuestion? {
        guard let child = children[referral.childID], let centroid = centroids[referral.localAuthorityCode] else {
            return nil
        }
        let beds = welfareBeds[home.id] ?? []
        let inUse = beds.count { bed in
            switch status(of: bed, at: instant) {
            case .occupied, .reserved: true
            default: false
            }
        }
        let residents = (placements[home.id] ?? []).filter {
            $0.admittedAt <= instant && ($0.dischargedAt.map { instant < $0 } ?? true)
                && $0.referralID != referral.id
        }
        .compactMap { placement -> HomeRanking.Resident? in
            guard let resident = children[placement.childID], let placed = referrals[placement.referralID] else {
                return nil
            }
            return HomeRanking.Resident(sex: resident.sex, age: placed.ageAtReferral, flags: resident.flags)
        }
        return OfferQuestion(
            home: home, sex: child.sex, age: referral.ageAtReferral, flags: child.flags, urgency: referral.urgency,
            homeArea: centroid, welfareBeds: beds.count, welfareBedsInUse: inUse, residents: residents)
    }

    func status(of bed: UUID, at instant: Date) -> BedStatus? {
        guard let history = intervals[bed] else { return nil }
        // The last interval starting at or before the instant.
        var low = 0
        var high = history.count
        while low < high {
            let middle = (low + high) / 2
            if history[middle].from <= instant { low = middle + 1 } else { high = middle }
        }
        guard low > 0, history[low - 1].covers(instant) else { return nil }
        return history[low - 1].status
    }

    /// The homes that could have taken the referral's child when it was submitted: registered
    /// for the child's sex and age, with a vacant welfare bed.
    func eligibleHomes(for referral: Referral, at instant: Date) -> [SecureHome] {
        guard let child = children[referral.childID] else { return [] }
        return homes.values.filter { home in
            home.isRegistered(for: child.sex, age: referral.ageAtReferral)
                && (welfareBeds[home.id] ?? []).contains { status(of: $0, at: instant) == .vacant }
        }
        .sorted { $0.reference < $1.reference }
    }
}
