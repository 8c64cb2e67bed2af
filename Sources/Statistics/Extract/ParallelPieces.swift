import Dispatch
import SecurePlaceCore

/// Memory with one slot per piece: each slot is written by its piece's thread only, and all
/// are read after every thread has finished, so no two threads touch the same memory.
private final class PieceResults<Output>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Result<Output, ImportError>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// Runs `work` on each piece at the same time, one thread each, and returns the results in the
/// pieces' order; the first piece's error, in file order, is thrown.
func inParallel<Piece: Sendable, Output: Sendable>(
    _ pieces: [Piece], _ work: @Sendable (Piece) throws(ImportError) -> Output
) throws(ImportError) -> [Output] {
    let results = PieceResults<Output>(count: pieces.count)
    DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
        do throws(ImportError) {
            results.slots[index] = .success(try work(pieces[index]))
        } catch {
            results.slots[index] = .failure(error)
        }
    }
    return try results.slots.map { (slot) throws(ImportError) -> Output in try slot!.get() }
}
