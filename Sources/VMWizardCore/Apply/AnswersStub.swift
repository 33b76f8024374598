// TEMPORARY: replaced by the answers importer on merge.
public struct AnswersProblem: Error, Equatable, Sendable {
    public var location: String
    public var message: String
}

public struct AnswersProblems: Error, Equatable, Sendable {
    public var problems: [AnswersProblem]
}

public enum Answers {
    public static func load(path: String, host: HostInventory) -> Result<VMDraft, AnswersProblems> {
        .failure(AnswersProblems(problems: [AnswersProblem(location: path, message: "answers files are not supported yet")]))
    }
}
