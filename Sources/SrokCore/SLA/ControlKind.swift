/// Intra-stage control points that regulations set. Each kind knows the event that starts its
/// term, the fact that meets it, and how its act counts it by default (``defaultCount``).
public enum ControlKind: String, Sendable, CaseIterable {
    /// The coordinator assigns or redirects within N days of receiving (seed 002 п. 9: «не позднее
    /// трехдневного срока»). From each arrival at coordination; met by leaving coordination (the
    /// next entry) or by the redirect. It governs whether the coordination stage is late.
    case coordinatorDecision = "coordinator-decision"
    /// The executor takes the message into work within N days (seed 003 п. 6.2: «в течение 3 дней
    /// с момента поступления»). From the latest arrival at execution; met by `taken_into_work`, or
    /// judged by when the visit ended.
    case executorTake = "executor-take"
    /// A non-competent message goes back to coordination within N days (seed 003 п. 6.2: «в течение
    /// 7 дней со дня поступления»). From the latest execution visit that ended with a return.
    case executorReturn = "executor-return"
    /// A redirect to a non-subordinate organisation is approved within N working days in total for
    /// all approvers (seed 003 п. 8.1: «не более двух рабочих дней суммарно»): the working time of
    /// every visit flagged as a redirect approval is summed.
    case redirectApproval = "redirect-approval"
    /// 59-ФЗ ст. 8 ч. 3: an appeal is redirected within 7 days of the day of registration. Checked
    /// for redirected appeals.
    case appealRedirect = "appeal-redirect"
    /// 59-ФЗ ст. 8 ч. 2: registration within 3 days of receipt («с момента поступления»). Checked
    /// for appeals with a recorded `received_at`.
    case appealRegistration = "appeal-registration"
    /// Seed 003 п. 6.3: «для уточнения недостающей информации Исполнителю надлежит в день получения
    /// сообщения связаться с заявителем». From the arrival at execution; met by
    /// `applicant_contacted_at`. The duty arises only when information is missing, so it is checked
    /// only when a contact is recorded.
    case applicantContact = "applicant-contact"
    /// Seed 004 раздел 2 (Исполнитель): «доводит информацию до сведения руководителя в течение
    /// одного рабочего дня с момента поступления обращений». From the arrival at execution; met by
    /// `head_informed_at`. No export records it, so it is checked only when it is recorded.
    case headInformed = "head-informed"

    /// The count the act's words give when a profile names none: `clock` for «с момента»,
    /// `days` for «со дня» and a bare period of days, `days-inclusive` for «в день получения»,
    /// `working-days` for «рабочих дней».
    public var defaultCount: ControlCount {
        switch self {
        case .coordinatorDecision, .executorReturn, .appealRedirect: .days
        case .executorTake, .appealRegistration: .clock
        case .applicantContact: .daysInclusive
        case .redirectApproval, .headInformed: .workingDays
        }
    }

    /// The stage whose lateness this control's act term decides instead of the stage's share
    /// budget (the share stays the planned, recommended time): coordination for the
    /// coordinator's decision. Nil for controls that do not end a stage.
    public var governedStage: Stage? {
        self == .coordinatorDecision ? .coordination : nil
    }

    /// Whether the control is checked only when the history records the fact that meets it (the
    /// duty is conditional, or no export carries it): it is then never «running late».
    public var needsRecordedFact: Bool {
        self == .applicantContact || self == .headInformed
    }

    /// The request key of the fact that meets the control, if it has one of its own.
    public var factKey: String? {
        switch self {
        case .executorTake: "taken_into_work"
        case .appealRedirect, .coordinatorDecision: "redirected_at"
        case .appealRegistration: "received_at"
        case .applicantContact: "applicant_contacted_at"
        case .headInformed: "head_informed_at"
        case .executorReturn, .redirectApproval: nil
        }
    }

    /// Its position in `allCases` (the slot of ``ControlChecks``).
    @inlinable public var ordinal: Int {
        switch self {
        case .coordinatorDecision: 0
        case .executorTake: 1
        case .executorReturn: 2
        case .redirectApproval: 3
        case .appealRedirect: 4
        case .appealRegistration: 5
        case .applicantContact: 6
        case .headInformed: 7
        }
    }

    /// The kind at `ordinal` (0…7).
    @inlinable public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .coordinatorDecision
        case 1: self = .executorTake
        case 2: self = .executorReturn
        case 3: self = .redirectApproval
        case 4: self = .appealRedirect
        case 5: self = .appealRegistration
        case 6: self = .applicantContact
        case 7: self = .headInformed
        default: return nil
        }
    }

    /// What the control checks, in Russian or English (the explanation tables).
    public func summary(_ lang: Language) -> String {
        switch (self, lang) {
        case (.coordinatorDecision, .ru):
            "координатор назначает исполнителя или перенаправляет сообщение; срок — от каждого поступления на координацию; выполнено — уход с этапа координации или перенаправление; определяет просрочку этапа координации (доля этапа остаётся плановым сроком)"
        case (.coordinatorDecision, .en):
            "the coordinator assigns an executor or redirects; from each arrival at coordination; met by leaving coordination or by the redirect; decides whether the coordination stage is late (its share stays the planned time)"
        case (.executorTake, .ru):
            "исполнитель берёт сообщение в работу; от последнего поступления на исполнение; выполнено — taken_into_work (без него — по окончании визита)"
        case (.executorTake, .en):
            "the executor takes the message into work; from the latest arrival at execution; met by taken_into_work (else judged by the end of the visit)"
        case (.executorReturn, .ru):
            "сообщение вне компетенции возвращается на координацию; от поступления на исполнение; проверяется, когда визит исполнения закончился возвратом"
        case (.executorReturn, .en):
            "a message outside the executor's competence goes back to coordination; from the arrival at execution; checked when an execution visit ended with a return"
        case (.redirectApproval, .ru):
            "согласование перенаправления в неподведомственную организацию; суммарное рабочее время всех визитов с пометкой redirect_approval"
        case (.redirectApproval, .en):
            "approval of a redirect to a non-subordinate organisation; the working time of every visit flagged redirect_approval, summed"
        case (.appealRedirect, .ru):
            "перенаправление обращения по 59-ФЗ; от дня регистрации; проверяется для перенаправленных обращений (redirected_at)"
        case (.appealRedirect, .en):
            "redirect of an appeal under Federal Law 59-FZ; from the day of registration; checked for redirected appeals (redirected_at)"
        case (.appealRegistration, .ru): "регистрация обращения по 59-ФЗ; от поступления (received_at) до регистрации"
        case (.appealRegistration, .en):
            "registration of an appeal under Federal Law 59-FZ; from its receipt (received_at) to registration"
        case (.applicantContact, .ru):
            "исполнитель связывается с заявителем для уточнения недостающей информации; от поступления на исполнение; проверяется, только если связь записана (applicant_contacted_at): обязанность условная"
        case (.applicantContact, .en):
            "the executor contacts the applicant to clarify missing information; from the arrival at execution; checked only when the contact is recorded (applicant_contacted_at): the duty is conditional"
        case (.headInformed, .ru):
            "исполнитель доводит информацию до руководителя; от поступления на исполнение; проверяется, только если записано (head_informed_at): выгрузка ПОС этого не содержит"
        case (.headInformed, .en):
            "the executor informs the head; from the arrival at execution; checked only when recorded (head_informed_at): the POS platform's export does not carry it"
        }
    }
}

/// A control point with its limit and how the limit is counted.
public struct ControlPoint: Hashable, Sendable {
    /// Which control.
    public var kind: ControlKind
    /// The limit (days or working days).
    public var amount: Int
    /// How the limit is counted (default the act's words: ``ControlKind/defaultCount``).
    public var count: ControlCount
    /// The clause.
    public var citation: String

    /// Whether the limit counts working days.
    public var workingDays: Bool { count == .workingDays }

    /// Creates a control point; `count` nil takes the kind's default.
    public init(_ kind: ControlKind, _ amount: Int, count: ControlCount? = nil, citation: String = "") {
        self.kind = kind
        self.amount = amount
        self.count = count ?? kind.defaultCount
        self.citation = citation
    }
}
