// Errors are values at module edges: std::expected<T, Error>. The message is the sentence the
// user sees (Docker's or the Linux tool's wording); the code lets callers branch without
// matching on text.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace sim::core {

enum class ErrorCode {
    InvalidArgument,  // malformed input (address, prefix, flag value)
    NotFound,         // no such namespace / interface / route
    AlreadyExists,    // EEXIST: a name or route that is taken
    AddressInUse,     // EADDRINUSE
    AddressNotAvailable,  // EADDRNOTAVAIL: bind(2) to an address no interface has
    Conflict,         // the object is in a state that forbids the operation
    Forbidden,        // not allowed at all (Docker's errdefs.Forbidden)
    Unreachable,      // ENETUNREACH
    Exhausted,        // no free addresses / ports
    Unsupported,
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    bool operator==(const Error&) const = default;
};

template <class T>
using Result = std::expected<T, Error>;

using Unexpected = std::unexpected<Error>;

inline Unexpected fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace sim::core
