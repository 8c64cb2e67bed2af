import FluentKit
import SecurePlaceCore

extension Store {
    public func save(organisations: [Organisation], users: [User]) async throws {
        try await insert(organisations.map(OrganisationRecord.init))
        try await insert(users.map(UserRecord.init))
    }

    public func organisations() async throws -> [Organisation] {
        try await OrganisationRecord.query(on: database).sort(\.$name).all().map { try $0.value() }
    }

    public func users() async throws -> [User] {
        try await UserRecord.query(on: database).sort(\.$email).all().map { try $0.value() }
    }
}
