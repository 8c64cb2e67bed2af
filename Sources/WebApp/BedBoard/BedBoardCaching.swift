import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// A day's board as the pages and the API serve it: the board, whether it is demo data, and
/// its JSON already encoded, since every role gets the same document.
struct CachedBedBoard: Sendable {
    var board: BedBoard
    var dataset: String?
    var json: ByteBuffer
    var contentType: HTTPMediaType
}

struct BedBoardCacheKey: StorageKey {
    typealias Value = BedBoardCache<CachedBedBoard>
}

extension Application {
    var bedBoardCache: BedBoardCache<CachedBedBoard> {
        get {
            guard let cache = storage[BedBoardCacheKey.self] else {
                preconditionFailure("configure(_:settings:) sets the bed board cache")
            }
            return cache
        }
        set { storage[BedBoardCacheKey.self] = newValue }
    }
}

extension Request {
    /// The board for `day` (nil: today, as it is now) from the shared cache, with the audit
    /// sequence it was built at.
    func cachedBedBoard(on day: CalendarDate?) async throws -> BedBoardCache<CachedBedBoard>.Entry {
        let now = self.now
        let today = CalendarDate(containing: now)
        if let day, day > today { throw BedBoardDateError.inFuture(day) }
        // The build may be shared with requests that outlive this one: it uses no request's
        // connection.
        let store = Store(application.db)
        return try await application.bedBoardCache.entry(
            for: day ?? today,
            currentVersion: { try await store.auditHeadSequence() },
            build: { _ in
                let board = try await ViewBedBoard(store: store, now: { now })(on: day)
                let dataset = try await store.holdsDemoData() ? DemoDataset.label : nil
                var json = ByteBufferAllocator().buffer(capacity: 0)
                var headers = HTTPHeaders()
                try ContentConfiguration.global.requireEncoder(for: .json)
                    .encode(BedBoardDTO(board, dataset: dataset), to: &json, headers: &headers)
                return CachedBedBoard(
                    board: board, dataset: dataset, json: json, contentType: headers.contentType ?? .json)
            })
    }
}

/// A change made through this instance (any request that is not a read) shows on the very
/// next board, without waiting for the cache's freshness to run out.
struct BedBoardInvalidationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else {
            return try await next.respond(to: request)
        }
        let cache = request.application.bedBoardCache
        do {
            let response = try await next.respond(to: request)
            await cache.invalidate()
            return response
        } catch {
            await cache.invalidate()
            throw error
        }
    }
}
