import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

extension Store {
    /// Writes alerts to the outbox, leaving out any whose key is already there: an event
    /// seen twice (a job run again after a restart) queues each e-mail once.
    @discardableResult
    public func queue(alerts: [Alert]) async throws -> [Alert] {
        guard !alerts.isEmpty else { return [] }
        let existing = Set(
            try await AlertRecord.query(on: database).filter(\.$key ~~ alerts.map(\.key)).all().map(\.key))
        var seen = existing
        let fresh = alerts.filter { seen.insert($0.key).inserted }
        try await insert(fresh.map(AlertRecord.init))
        return fresh
    }

    /// The active users with one of `roles` in the organisation with `organisationReference`
    /// (any organisation when nil), with the alert kinds each has switched off.
    public func recipients(roles: Set<Role>, organisationReference: String?) async throws -> [(
        user: User, optedOut: Set<AlertKind>
    )] {
        let organisations = try await organisations()
        let allowed = Set(
            organisations.filter { organisationReference == nil || $0.reference == organisationReference }.map(\.id))
        let users = try await UserRecord.query(on: database).filter(\.$role ~~ roles.map(\.rawValue))
            .filter(\.$isDisabled == false).sort(\.$email).all().map { try $0.value() }
            .filter { allowed.contains($0.organisationID) }
        guard !users.isEmpty else { return [] }
        let optOuts = try await AlertOptOutRecord.query(on: database).filter(\.$userID ~~ users.map(\.id)).all()
        let byUser = Dictionary(grouping: optOuts, by: \.userID).mapValues {
            Set($0.compactMap { AlertKind(rawValue: $0.kind) })
        }
        return users.map { ($0, byUser[$0.id] ?? []) }
    }

    /// The kinds of alert a user has switched off.
    public func alertOptOuts(ofUser userID: UUID) async throws -> Set<AlertKind> {
        Set(
            try await AlertOptOutRecord.query(on: database).filter(\.$userID == userID).all().compactMap {
                AlertKind(rawValue: $0.kind)
            })
    }

    /// Replaces a user's choices: the kinds in `optedOut` are off, every other kind on.
    public func setAlertOptOuts(_ optedOut: Set<AlertKind>, ofUser userID: UUID) async throws {
        try await AlertOptOutRecord.query(on: database).filter(\.$userID == userID).delete()
        try await insert(optedOut.map { AlertOptOutRecord(userID: userID, kind: $0) })
    }

    /// Alerts waiting to be sent whose time has come, oldest first.
    public func dueAlerts(at instant: Date, limit: Int) async throws -> [Alert] {
        try await AlertRecord.query(on: database).filter(\.$status == AlertDelivery.Status.pending.rawValue)
            .filter(\.$nextAttemptAt <= instant).sort(\.$createdAt).sort(\.$id).limit(limit).all()
            .map { try $0.value() }
    }

    public func alert(id: UUID) async throws -> Alert? {
        try await AlertRecord.find(id, on: database)?.value()
    }

    /// Records an attempt and where the alert's delivery stands after it.
    public func record(_ attempt: AlertAttempt, delivery: AlertDelivery) async throws {
        guard let record = try await AlertRecord.find(attempt.alertID, on: database) else { return }
        record.set(delivery)
        try await record.save(on: database)
        try await AlertAttemptRecord(attempt).create(on: database)
    }

    /// One page of the outbox, newest first (`limit` alerts after the first `offset`), with how
    /// many alerts match: those with one of `statuses` (any when empty).
    public func alerts(
        withStatus statuses: Set<AlertDelivery.Status> = [], offset: Int, limit: Int
    ) async throws -> (alerts: [Alert], total: Int) {
        func filtered() -> QueryBuilder<AlertRecord> {
            let query = AlertRecord.query(on: database)
            return statuses.isEmpty ? query : query.filter(\.$status ~~ statuses.map(\.rawValue))
        }
        let total = try await filtered().count()
        let records = try await filtered().sort(\.$createdAt, .descending).sort(\.$id)
            .range(offset..<(offset + limit))
            .all()
        return (try records.map { try $0.value() }, total)
    }

    /// Every attempt at delivering these alerts, oldest first.
    public func attempts(ofAlerts ids: [UUID]) async throws -> [UUID: [AlertAttempt]] {
        guard !ids.isEmpty else { return [:] }
        let attempts = try await AlertAttemptRecord.query(on: database).filter(\.$alertID ~~ ids).sort(\.$at).all()
        return Dictionary(grouping: attempts.map { $0.value() }, by: \.alertID)
    }
}

extension Store {
    /// Circulations of open referrals that the home has not answered and that fall due after
    /// `start` and no later than `end`.
    public func unansweredCirculations(dueAfter start: Date, until end: Date) async throws -> [Circulation] {
        try await unansweredCirculationsOfOpenReferrals { $0.filter(\.$respondBy > start).filter(\.$respondBy <= end) }
            .circulations
    }
}

extension Store {
    /// Writes an alert's delivery state back, as an administrator's retry sets it.
    public func reschedule(_ alert: Alert) async throws {
        guard let record = try await AlertRecord.find(alert.id, on: database) else { return }
        record.set(alert.delivery)
        try await record.save(on: database)
    }
}

extension Store {
    /// The address a user's alerts go to.
    public func emailAddress(ofUser userID: UUID) async throws -> String? {
        try await UserRecord.find(userID, on: database)?.email
    }
}
