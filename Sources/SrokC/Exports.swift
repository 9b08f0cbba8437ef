import CSrok
import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The functions of include/srok.h (documented there). Every pointer the caller passes is checked
// for NULL here and read or written only in this file and in RequestText/ErrorWriting; the rest of
// the target works on Swift values.

/// `srok_version`'s text: made once, never written or freed (so safe to share despite the pointer type).
nonisolated(unsafe) private let versionText: UnsafeMutablePointer<CChar> = strdup(SrokVersion.string)!

/// `srok_version`: Srok's version, a static string.
@_cdecl("srok_version")
@_spi(CInterface) public func srokVersion() -> UnsafePointer<CChar> { UnsafePointer(versionText) }

/// `srok_abi_version`: the `SROK_ABI_VERSION` the library was built with.
@_cdecl("srok_abi_version")
@_spi(CInterface) public func srokABIVersion() -> UInt32 { UInt32(SROK_ABI_VERSION) }

/// `srok_free`: frees what the library handed out (JSON answers).
@_cdecl("srok_free")
@_spi(CInterface) public func srokFree(_ pointer: UnsafeMutableRawPointer?) { free(pointer) }

/// `srok_context_open`: the embedded data plus the files of `options`.
@_cdecl("srok_context_open")
@_spi(CInterface) public func srokContextOpen(
    _ options: UnsafePointer<srok_open_options>?, _ context: UnsafeMutablePointer<OpaquePointer?>?,
    _ errorOut: UnsafeMutablePointer<srok_error>?
) -> srok_code {
    let o = options?.pointee ?? srok_open_options()
    // Errors before the language is known are in Russian, the default.
    let language = Language(c: o.language) ?? .ru
    guard let context else { return CFailure.null("context").report(to: errorOut, language: language) }
    context.pointee = nil
    do throws(CFailure) {
        guard Language(c: o.language) != nil else {
            throw CFailure.argument(
                "language", String(o.language),
                LocalizedText(ru: "SROK_LANG_RU (0) или SROK_LANG_EN (1)", en: "SROK_LANG_RU (0) or SROK_LANG_EN (1)"))
        }
        func paths(_ list: UnsafePointer<UnsafePointer<CChar>?>?, _ count: Int, _ name: String) throws(CFailure)
            -> [String]
        {
            guard count > 0 else { return [] }
            guard let list else { throw CFailure.null("options->\(name)") }
            var out: [String] = []
            for i in 0..<count {
                guard let p = list[i] else { throw CFailure.null("options->\(name)[\(i)]") }
                out.append(String(cString: p))
            }
            return out
        }
        let calendars = try paths(o.calendar_files, o.calendar_file_count, "calendar_files")
        let profiles = try paths(o.profile_files, o.profile_file_count, "profile_files")
        let regions = try paths(o.region_files, o.region_file_count, "region_files")
        let opened: CContext
        do {
            opened = try CContext.open(
                calendarFiles: calendars, profileFiles: profiles, regionFiles: regions,
                provisionalThroughYear: o.provisional_through_year == 0 ? nil : Int(o.provisional_through_year),
                language: language)
        } catch {
            throw CFailure(error)
        }
        context.pointee = OpaquePointer(Unmanaged.passRetained(opened).toOpaque())
        CFailure.clear(errorOut)
        return SROK_OK
    } catch {
        return error.report(to: errorOut, language: language)
    }
}

/// `srok_context_close`: releases a context.
@_cdecl("srok_context_close")
@_spi(CInterface) public func srokContextClose(_ context: OpaquePointer?) {
    guard let context else { return }
    Unmanaged<CContext>.fromOpaque(UnsafeRawPointer(context)).release()
}

/// The context behind a handle (not retained: the caller keeps it open during the call).
@inline(__always)
private func unwrap(_ context: OpaquePointer?) throws(CFailure) -> CContext {
    guard let context else { throw CFailure.null("context") }
    return Unmanaged<CContext>.fromOpaque(UnsafeRawPointer(context)).takeUnretainedValue()
}

/// The language of a handle's messages: the context's, Russian for NULL.
@inline(__always)
private func language(_ context: OpaquePointer?) -> Language {
    guard let context else { return .ru }
    return Unmanaged<CContext>.fromOpaque(UnsafeRawPointer(context)).takeUnretainedValue().language
}

/// `srok_due`: the due date and stage plan of one request (the fast path).
@_cdecl("srok_due")
@_spi(CInterface) public func srokDue(
    _ context: OpaquePointer?, _ request: UnsafePointer<srok_request>?,
    _ result: UnsafeMutablePointer<srok_due_result>?,
    _ errorOut: UnsafeMutablePointer<srok_error>?
) -> srok_code {
    do throws(CFailure) {
        guard let result else { throw CFailure.null("result") }
        result.pointee = srok_due_result()
        let c = try unwrap(context)
        guard let request else { throw CFailure.null("request") }
        let (schedule, regime, zone) = try c.schedule(request.pointee)
        result.pointee = srok_due_result(schedule, regime: regime, zone: zone)
        CFailure.clear(errorOut)
        return SROK_OK
    } catch {
        return error.report(to: errorOut, language: language(context))
    }
}

/// `srok_due_many`: the due dates of a column of registration times.
@_cdecl("srok_due_many")
@_spi(CInterface) public func srokDueMany(
    _ context: OpaquePointer?, _ common: UnsafePointer<srok_request>?, _ registered: UnsafePointer<Int64>?,
    _ count: Int, _ dueDates: UnsafeMutablePointer<Int64>?, _ dues: UnsafeMutablePointer<Int64>?,
    _ codes: UnsafeMutablePointer<Int32>?, _ errorOut: UnsafeMutablePointer<srok_error>?
) -> srok_code {
    do throws(CFailure) {
        let c = try unwrap(context)
        guard let common else { throw CFailure.null("common") }
        guard count == 0 || registered != nil else { throw CFailure.null("registered_at") }
        let first = c.dueMany(
            common.pointee, count: count, registered: { registered![$0] },
            out: { i, date, due, code in
                dueDates?[i] = date
                dues?[i] = due
                codes?[i] = Int32(bitPattern: code.rawValue)
            })
        if let first { return first.failure.report(to: errorOut, index: first.index, language: c.language) }
        CFailure.clear(errorOut)
        return SROK_OK
    } catch {
        return error.report(to: errorOut, language: language(context))
    }
}

/// `srok_due_json`: the due answer of a JSON request.
@_cdecl("srok_due_json")
@_spi(CInterface) public func srokDueJSON(
    _ context: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
    _ answer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ answerLength: UnsafeMutablePointer<Int>?,
    _ errorOut: UnsafeMutablePointer<srok_error>?
) -> srok_code {
    jsonCall(.due, context, request, length, answer, answerLength, errorOut)
}

/// `srok_status_json`: the status answer of a JSON request.
@_cdecl("srok_status_json")
@_spi(CInterface) public func srokStatusJSON(
    _ context: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
    _ answer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ answerLength: UnsafeMutablePointer<Int>?,
    _ errorOut: UnsafeMutablePointer<srok_error>?
) -> srok_code {
    jsonCall(.status, context, request, length, answer, answerLength, errorOut)
}

/// A JSON call: the request's bytes copied in, the answer copied into memory from `malloc` with a
/// terminating NUL (the caller frees it with `srok_free`).
private func jsonCall(
    _ kind: CContext.Answer, _ context: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: Int,
    _ answer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ answerLength: UnsafeMutablePointer<Int>?,
    _ errorOut: UnsafeMutablePointer<srok_error>?
) -> srok_code {
    do throws(CFailure) {
        guard let answer else { throw CFailure.null("answer") }
        answer.pointee = nil
        answerLength?.pointee = 0
        let c = try unwrap(context)
        guard length == 0 || request != nil else { throw CFailure.null("request") }
        guard length >= 0 else {
            throw CFailure.argument("length", String(length), LocalizedText(ru: "число байт", en: "a byte count"))
        }
        let bytes = request.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
        let json = try c.answer(kind, to: bytes)
        guard let out = malloc(json.count + 1)?.assumingMemoryBound(to: UInt8.self) else {
            throw CFailure(
                code: SROK_E_INTERNAL, field: "",
                message: LocalizedText(
                    ru: "не хватает памяти для ответа длиной \(json.count) байт",
                    en: "out of memory for a \(json.count)-byte answer"))
        }
        _ = UnsafeMutableBufferPointer(start: out, count: json.count).initialize(from: json)
        out[json.count] = 0
        answer.pointee = UnsafeMutableRawPointer(out).assumingMemoryBound(to: CChar.self)
        answerLength?.pointee = json.count
        CFailure.clear(errorOut)
        return SROK_OK
    } catch {
        return error.report(to: errorOut, language: language(context))
    }
}
