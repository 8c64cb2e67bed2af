import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// What a home manager sends: an offer of a named bed from a date, or a decline with
    /// reasons and a note.
    public struct ResponseForm: Codable, Sendable {
        public var answer: String?
        public var bedID: UUID?
        public var availableFrom: String?
        public var reasons: [String]?
        public var note: String?

        public init(
            answer: String?, bedID: UUID? = nil, availableFrom: String? = nil, reasons: [String]? = nil,
            note: String? = nil
        ) {
            self.answer = answer
            self.bedID = bedID
            self.availableFrom = availableFrom
            self.reasons = reasons
            self.note = note
        }
    }

    /// A home answers a referral circulated to it, once.
    public func respond(_ referralID: UUID, _ form: ResponseForm, by principal: Principal) async throws -> HomeResponse
    {
        try await store.transaction { store in
            let context = try await context(referralID, for: principal, .respond, in: store)
            guard let homeReference = principal.homeReference, let home = try await store.home(reference: homeReference)
            else {
                throw AccessDenied(decision: .forbidden)
            }
            if context.responses.contains(where: { $0.homeID == home.id }) {
                throw InputErrors(
                    [InputError(field: "answer", message: "\(home.name) has already answered this referral.")],
                    isConflict: true)
            }
            let instant = now()
            let answer = try await validatedAnswer(
                form, home: home, roomNeeds: context.referral.roomNeeds, at: instant, in: store)
            let response = HomeResponse(
                id: UUID(), referralID: referralID, homeID: home.id, answer: answer, respondedAt: instant)
            var referral = context.referral
            try await store.save(responses: [response])
            try await apply(answer.isOffer ? .receiveOffer : .receiveDecline, to: &referral, by: principal, in: store)
            if answer.isOffer {
                try await alerts?.queue(
                    .offerMade, about: referral, event: response.id.uuidString, to: referral.localAuthorityCode,
                    homeName: home.name, at: instant, in: store)
            }
            // The last decline of a wave asks the next homes at once.
            if !answer.isOffer { try await widenWaveIfDone(referral, in: store) }
            return response
        }
    }

    private func validatedAnswer(
        _ form: ResponseForm, home: SecureHome, roomNeeds: Set<RoomFeature>, at instant: Date, in store: Store
    ) async throws -> HomeAnswer {
        switch form.answer {
        case "offer":
            guard let bedID = form.bedID, let bed = try await store.bed(id: bedID), bed.homeID == home.id else {
                throw InputErrors([InputError(field: "bedID", message: "Choose one of your home's beds to offer.")])
            }
            guard bed.kind.takesWelfarePlacements else {
                throw InputErrors([
                    InputError(field: "bedID", message: "\(bed.label) is contracted to the Youth Custody Service.")
                ])
            }
            let rooms = try await store.profile(ofHome: home.id)?.rooms[bed.id] ?? []
            guard roomNeeds.isSubset(of: rooms) else {
                let missing = roomNeeds.subtracting(rooms).sorted().map(\.name).joined(separator: ", ")
                throw InputErrors([
                    InputError(
                        field: "bedID",
                        message:
                            "The child needs a room with: \(missing). Your home's profile does not record that for \(bed.label): choose another bed, or add it to the profile."
                    )
                ])
            }
            guard try await store.lockBedStatus(bed.id) == .vacant else {
                throw InputErrors([InputError(field: "bedID", message: "\(bed.label) is not vacant.")])
            }
            let today = CalendarDate(containing: instant)
            let text = (form.availableFrom ?? "").trimmingCharacters(in: .whitespaces)
            guard let from = text.isEmpty ? today : CalendarDate(iso: text), from >= today else {
                throw InputErrors([
                    InputError(field: "availableFrom", message: "Enter today or a later date in the form YYYY-MM-DD.")
                ])
            }
            return .offer(bedID: bed.id, availableFrom: from)
        case "decline":
            var reasons: Set<DeclineReason> = []
            for code in form.reasons ?? [] {
                guard let reason = DeclineReason(rawValue: code) else {
                    throw InputErrors([
                        InputError(field: "reasons", message: "'\(code)' is not one of the listed reasons.")
                    ])
                }
                reasons.insert(reason)
            }
            do {
                return try HomeAnswer.decline(reasons: reasons, note: form.note ?? "").validated()
            } catch {
                throw InputErrors([
                    InputError(field: error == .noDeclineReason ? "reasons" : "note", message: error.description)
                ])
            }
        default:
            throw InputErrors([InputError(field: "answer", message: "Answer with an offer or a decline.")])
        }
    }
}
