import Foundation

/// Writes a command's output file: whole or not at all (through a temporary file renamed over
/// it) when it is a file, straight through when the path is a device or pipe such as
/// /dev/stdout or /dev/null, which renaming would replace with a plain file. A symbolic link is
/// followed, so that the link stays and its target is written.
func writeOutput(_ data: Data, toFile path: String) throws {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let type = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType
    if let type, type != .typeRegular {
        try data.write(to: target)
    } else {
        try data.write(to: target, options: .atomic)
    }
}

func writeOutput(_ text: String, toFile path: String) throws {
    try writeOutput(Data(text.utf8), toFile: path)
}
