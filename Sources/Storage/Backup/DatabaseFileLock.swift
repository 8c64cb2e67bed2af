import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory lock on a SQLite database file that a running service holds shared for its
/// whole life and a restore takes exclusive, so a restore never replaces a database under a
/// running service. It is `flock`, which SQLite's own byte-range locks do not touch, and the
/// system drops it when the process ends, however it ends.
public final class DatabaseFileLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or throws `BackupProblem.inUse` when a holder of the other kind has it.
    public init(path: String, exclusive: Bool) throws {
        descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw BackupProblem.cannotReplace(path, errno: errno) }
        guard flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            close(descriptor)
            throw BackupProblem.inUse(path)
        }
    }

    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
