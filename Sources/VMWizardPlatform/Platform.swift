// What every vmwizard module needs from the system, written once. The shipped binary uses FoundationEssentials
// only: full Foundation brings ICU's data and would make the static binary about four times larger.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
