import Testing

@testable import SrokCore

/// Issue 10 #16: values that used to give a plausible-looking but wrong status are errors with a
/// reason naming the field.
@Suite("Implausible history values are errors")
struct ImplausibleInputTests {
    let resolver = MessageResolver(context: Fixtures.context)
    let asOf = Fixtures.t("2024-04-20T12:00+03:00")

    func request(_ change: (inout MessageRequest) -> Void) -> MessageRequest {
        var r = MessageRequest(registeredAt: .instant(Fixtures.t("2024-03-29T10:15+03:00")))
        change(&r)
        return r
    }

    func failure(_ r: MessageRequest) -> MessageFieldError? {
        do {
            _ = try resolver.resolve(r, now: asOf).status()
            return nil
        } catch { return error }
    }

    @Test func anAnswerBeforeRegistrationIsRejected() throws {
        // Used to read "closed", on time.
        let e = failure(request { $0.closedAt = .instant(Fixtures.t("2024-03-28T09:00+03:00")) })
        #expect(e?.field == "closed_at")
        // The same instant as registration is allowed (an answer can be immediate).
        #expect(failure(request { $0.closedAt = $0.registeredAt }) == nil)
    }

    @Test func aCurrentStageEnteredAfterTheAsOfInstantIsRejected() {
        // 9999-12-31 used to drop the stage silently (entries after as-of "have not happened").
        let e = failure(
            request {
                $0.stage = .execution
                $0.stageEnteredAt = .instant(Fixtures.t("9999-12-31T00:00Z"))
            })
        #expect(e?.field == "stage_entered_at")
        #expect(
            failure(
                request {
                    $0.stage = .execution
                    $0.stageEnteredAt = .instant(Fixtures.t("2024-04-20T12:00+03:00"))
                }) == nil)
    }

    @Test func aPostponementBeyondTheHorizonIsRejected() {
        // Registered on 29.03.2024; 366 days later is 30.03.2025 (29.03.2024 → 29.03.2025 spans
        // 365 days, no 29 February in between). 30.03.2025 is accepted, 31.03.2025 is not, and
        // 9999-12-31 (which used to leave 4 194 811 439 minutes) is not.
        #expect(failure(request { $0.postponedUntil = [Fixtures.d("2025-03-30")] }) == nil)
        #expect(failure(request { $0.postponedUntil = [Fixtures.d("2025-03-31")] })?.field == "postponed_until")
        #expect(failure(request { $0.postponedUntil = [Fixtures.d("9999-12-31")] })?.field == "postponed_until")
    }

    @Test func theHorizonIsAConventionThatCanBeRaised() throws {
        var c = SLAConventions()
        c.postponementHorizonDays = 3650
        let engine = SLAEngine(calendar: Fixtures.federal, zone: Fixtures.moscow, conventions: c)
        let h = MessageHistory(
            registered: Fixtures.t("2024-03-29T10:15+03:00"), postponements: [Fixtures.d("2026-01-15")])
        let st = try engine.status(of: h, asOf: asOf)
        // Postponed to 15.01.2026: due at the end of that day, Moscow time.
        #expect(st.due == Fixtures.t("2026-01-15T23:59:59+03:00"))
    }
}
