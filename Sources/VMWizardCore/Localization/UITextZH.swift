// Screen texts in Simplified Chinese, keyed by the English template (`%@` marks an argument; `%1$@` picks one
// by position when Chinese word order needs it).
enum UITextZH {
    static let texts: [String: String] = [
        "General": "常规",
    ]
}
