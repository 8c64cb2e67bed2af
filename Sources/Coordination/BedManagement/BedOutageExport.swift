import Foundation
import SecurePlaceCore
import Storage

/// Every home's out-of-service records, with the bed-days each has cost so far: the
/// coordinators' CSV.
public struct BedOutageExport: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    public static let header = [
        "home_reference", "home", "bed", "reason", "starts_on", "expected_end_on", "ended_on", "bed_days_lost",
        "revisions", "note",
    ]

    public func csv(by principal: Principal) async throws -> String {
        let decision = AccessPolicy.mayExportOutages(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let today = CalendarDate(containing: now())
        let homes = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0) })
        let beds = Dictionary(uniqueKeysWithValues: try await store.beds().map { ($0.id, $0) })
        var lines = [Self.header.joined(separator: ",")]
        for outage in try await store.outages().sorted(by: {
            (homes[$0.homeID]?.reference ?? "", $0.startsOn.iso) < (homes[$1.homeID]?.reference ?? "", $1.startsOn.iso)
        }) {
            let fields = [
                homes[outage.homeID]?.reference ?? "", homes[outage.homeID]?.name ?? "",
                beds[outage.bedID]?.label ?? "",
                outage.reason.rawValue, outage.startsOn.iso, outage.expectedEndOn?.iso ?? "", outage.endedOn?.iso ?? "",
                String(outage.bedDaysLost(asOf: today)), String(outage.revisions.count), outage.note,
            ]
            lines.append(fields.map(CSVField.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
