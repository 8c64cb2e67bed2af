import Foundation
import SecurePlaceCore
import Storage

extension ManageUsers {
    /// Adds an organisation whose staff will use the service. Its reference must name what it
    /// is: a local authority's ONS code, a home's reference, `ofsted` or `ciw`.
    public func createOrganisation(kind code: String?, name: String, reference: String, by principal: Principal?)
        async throws
        -> Organisation
    {
        if let principal, AccessPolicy.mayManageUsers(principal) != .allowed {
            throw AccessDenied(decision: .forbidden)
        }
        var errors: [InputError] = []
        let kind = code.flatMap(OrganisationKind.init(rawValue:))
        if kind == nil { errors.append(InputError(field: "kind", message: "Select the kind of organisation.")) }
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(InputError(field: "name", message: "Enter the organisation's name.")) }
        let reference = reference.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .localAuthority:
            if try await !store.localAuthorities().contains(where: { $0.code == reference }) {
                errors.append(
                    InputError(field: "reference", message: "Enter the authority's ONS code, such as E08000003."))
            }
        case .secureHome:
            if try await store.home(reference: reference) == nil {
                errors.append(
                    InputError(field: "reference", message: "Enter the reference of a home on the bed board."))
            }
        case .regulator:
            if Regulator(rawValue: reference) == nil {
                errors.append(InputError(field: "reference", message: "Enter ofsted or ciw."))
            }
        case .coordinatingUnit, .service, nil:
            if reference.isEmpty { errors.append(InputError(field: "reference", message: "Enter a short reference.")) }
        }
        guard errors.isEmpty, let kind else { throw InputErrors(errors) }
        if try await store.organisation(kind: kind, reference: reference) != nil {
            throw InputErrors([
                InputError(field: "reference", message: "There is already an organisation with this reference.")
            ])
        }
        let organisation = Organisation(id: UUID(), kind: kind, name: name, reference: reference)
        try await store.transaction { store in
            try await store.save(organisation: organisation)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "organisation.create", objectType: "organisation",
                    objectID: organisation.id.uuidString, at: now()))
        }
        return organisation
    }
}
