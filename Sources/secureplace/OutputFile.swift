import Foundation

/// Writes a command's output file: whole or not at all (through a temporary file renamed over
/// it) when it is a file, straight through when the path is a device or pipe such as
/// /dev/stdout or /dev/null, which renaming would replace with a plain file.
func writeOutput(_ data: Data, toFile path: String) throws {
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    if let type, type != .typeRegular, type != .typeSymbolicLink {
        try data.write(to: URL(fileURLWithPath: path))
    } else {
        try writeOutput(data, toFile: path)
    }
}

func writeOutput(_ text: String, toFile path: String) throws {
    try writeOutput(Data(text.utf8), toFile: path)
}
