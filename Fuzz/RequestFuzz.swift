// fuzz-options: -max_len=2048

// libFuzzer harness for the request/history JSON (`MessageRequest(json:source:)`, the format of
// `srok status --history` and of the service's bodies), then the resolver and the engine behind it.
// There is no encoder to round-trip through, so the invariants are: never crash or loop; a
// refused text is an `invalidValue` error naming the source (and the key) with what is accepted;
// reading the same text twice gives the same request; an accepted request either resolves
// (embedded data, as `srok status` does) or fails with a field named; a resolved one has a
// schedule and a status, or errors saying why, and its status counts the minutes
// left from as-of to the due time (negative when late) and never a negative lateness.

/// The embedded calendars, regions and profiles, loaded once.
private let resolver = MessageResolver(context: try! SrokContext())
/// "Now" when the request gives no `as_of`: 2024-06-01T00:00Z.
private let now = Instant(secondsSinceEpoch: 1_717_200_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func requestFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = "fuzz.json"
    let request: MessageRequest
    do {
        request = try MessageRequest(json: bytes, source: source)
    } catch {
        guard case let .invalidValue(field, _, expected) = error, field.hasPrefix(source), !expected.isEmpty else {
            fatalError("the error does not name the source and what is accepted: \(error)")
        }
        return 0
    }
    guard (try? MessageRequest(json: bytes, source: source)) == request else { fatalError("a second reading differs") }
    let resolved: ResolvedMessage
    do {
        resolved = try resolver.resolve(request, now: now)
    } catch {
        guard !error.field.isEmpty, !error.description.isEmpty else { fatalError("an error naming no field: \(error)") }
        return 0
    }
    _ = try? resolved.schedule()
    do {
        let status = try resolved.status()
        // The minutes left are the time from as-of to the due time, within a minute.
        let seconds = status.asOf.seconds(to: status.due)
        guard status.overdueMinutes >= 0, abs(Int64(status.remainingMinutes) * 60 - seconds) < 60 else {
            fatalError("remaining \(status.remainingMinutes) and overdue \(status.overdueMinutes) minutes, \(seconds) s from as-of to due")
        }
    } catch {
        guard !error.field.isEmpty, !error.description.isEmpty else { fatalError("an error naming no field: \(error)") }
    }
    return 0
}
