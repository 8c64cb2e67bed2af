import Foundation
import SecurePlaceCore
import Storage

/// Whether an authority lets its referrers submit directly, or asks for a manager's approval
/// first. Kept per authority in the settings; unset means direct submission is allowed.
public enum SubmissionRule: String, Sendable, CaseIterable {
    case direct
    case approvalRequired = "approval-required"

    static func key(_ authority: String) -> String { "submission:\(authority)" }
}

extension Store {
    public func submissionRule(forAuthority code: String) async throws -> SubmissionRule {
        try await setting(SubmissionRule.key(code)).flatMap(SubmissionRule.init(rawValue:)) ?? .direct
    }

    public func setSubmissionRule(_ rule: SubmissionRule, forAuthority code: String) async throws {
        try await saveSetting(SubmissionRule.key(code), value: rule.rawValue)
    }
}

/// The authority asks for a manager's approval before a referral goes to the coordinators.
public struct ApprovalRequired: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}

    public var description: String {
        "Your authority asks for a manager's approval before a referral is submitted: send it for approval."
    }
}

extension ReferralJourney {
    /// A referrer may submit directly only where their authority allows it; managers always may.
    func checkDirectSubmission(of referral: Referral, by principal: Principal, in store: Store) async throws {
        if principal.role == .referrer,
            try await store.submissionRule(forAuthority: referral.localAuthorityCode) == .approvalRequired
        {
            throw ApprovalRequired()
        }
    }
}
