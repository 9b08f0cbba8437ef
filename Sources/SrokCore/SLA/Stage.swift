/// A stage (этап) of processing a message on the Feedback Platform, in order.
public enum Stage: Int, Sendable, CaseIterable, Comparable {
    /// Модерация (federal operator).
    case moderation = 0
    /// Координация.
    case coordination
    /// Исполнение.
    case execution
    /// Согласование.
    case approval
    /// Утверждение.
    case finalApproval

    /// The machine name: `moderation`, `coordination`, `execution`, `approval`, `final-approval`.
    public var code: String {
        switch self {
        case .moderation: "moderation"
        case .coordination: "coordination"
        case .execution: "execution"
        case .approval: "approval"
        case .finalApproval: "final-approval"
        }
    }

    /// The CSV/JSON column stem: `final_approval` for `final-approval`.
    public var columnStem: String {
        ["moderation", "coordination", "execution", "approval", "final_approval"][rawValue]
    }

    /// Russian name (модерация, координация, исполнение, согласование, утверждение).
    public var russian: String {
        ["модерация", "координация", "исполнение", "согласование", "утверждение"][rawValue]
    }

    /// English name.
    public var english: String {
        ["moderation", "coordination", "execution", "approval", "final approval"][rawValue]
    }

    /// Processing order.
    public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }

    /// Parses a stage name: the codes, `final_approval`, or the Russian names (any case;
    /// «Модерация», «Согласование», «Утверждение», ПОС export values like «На исполнении»).
    public init(parsing text: String, field: String = "stage") throws(SrokError) {
        if let s = Stage.byName[text] ?? Stage.byName[TextKey.normalize(text)] {
            self = s
            return
        }
        throw .invalidValue(
            field: field, value: text,
            expected: LocalizedText(
                ru:
                    "этап: модерация, координация, исполнение, согласование, утверждение (или moderation, coordination, execution, approval, final-approval)",
                en:
                    "a stage: moderation, coordination, execution, approval, final-approval (or модерация, координация, исполнение, согласование, утверждение)"
            )
        )
    }

    /// Whether `text` says the message is finished (ПОС export «Стадия»: «Завершено» …), not a stage.
    public static func isClosedName(_ text: String) -> Bool {
        ["closed", "завершено", "закрыто", "ответ направлен", "решено"].contains(TextKey.normalize(text))
    }

    /// Accepted names (normalised) → stage.
    static let byName: [String: Stage] = [
        "moderation": .moderation, "модерация": .moderation, "модерирование": .moderation, "на модерации": .moderation,
        "coordination": .coordination, "координация": .coordination, "на координации": .coordination,
        "execution": .execution, "исполнение": .execution, "на исполнении": .execution, "в работе": .execution,
        "approval": .approval, "согласование": .approval, "на согласовании": .approval,
        "final-approval": .finalApproval, "final_approval": .finalApproval, "finalapproval": .finalApproval,
        "утверждение": .finalApproval, "на утверждении": .finalApproval,
    ]
}

/// One value per stage, stored inline (no allocation): budgets, due times, states.
public struct PerStage<Value: Sendable>: Sendable {
    /// The values in stage order.
    public var moderation, coordination, execution, approval, finalApproval: Value

    /// The same value for every stage.
    public init(repeating v: Value) {
        moderation = v
        coordination = v
        execution = v
        approval = v
        finalApproval = v
    }

    /// A value computed for each stage, in stage order (moderation first).
    @inlinable public init<E: Error>(_ make: (Stage) throws(E) -> Value) throws(E) {
        moderation = try make(.moderation)
        coordination = try make(.coordination)
        execution = try make(.execution)
        approval = try make(.approval)
        finalApproval = try make(.finalApproval)
    }

    /// The value of `stage`.
    @inlinable public subscript(stage: Stage) -> Value {
        get {
            switch stage {
            case .moderation: moderation
            case .coordination: coordination
            case .execution: execution
            case .approval: approval
            case .finalApproval: finalApproval
            }
        }
        set {
            switch stage {
            case .moderation: moderation = newValue
            case .coordination: coordination = newValue
            case .execution: execution = newValue
            case .approval: approval = newValue
            case .finalApproval: finalApproval = newValue
            }
        }
    }
}

extension PerStage: Equatable where Value: Equatable {}
extension PerStage: Hashable where Value: Hashable {}
