/// Reading a whole status file as JSON, with the warnings a broken one gets (kept apart from the parser,
/// whose own messages are quoted inside these).
extension InventoryJSON {
    /// The warning for a status file that is not JSON: the file, the parser's reason, and what is lost.
    static func invalid(_ file: String, _ error: ParseError, _ consequence: Phrase) -> Phrase {
        "\(file): not valid JSON (\(error.message)); \(consequence)"
    }

    /// The top-level object of a status file, or nil with a warning naming the file and what is lost.
    static func parseObject(_ bytes: [UInt8], file: String, consequence: Phrase,
                            warnings: inout [Phrase]) -> [String: Value]? {
        let document: Value
        do {
            document = try parse(bytes)
        } catch {
            warnings.append(invalid(file, error, consequence))
            return nil
        }
        guard case .object(let top) = document else {
            warnings.append("\(file): expected a JSON object at the top; \(consequence)")
            return nil
        }
        return top
    }
}
