// Go's strconv.Quote, which docker/cli uses for the COMMAND column and in its error texts:
// "\"nginx -g 'daemon off;'\"", escapes as Go writes them, printable Unicode kept, invalid
// UTF-8 bytes as \xNN. Defined in human_format.cpp.
#pragma once

#include <string>
#include <string_view>

namespace sim::cli {

std::string strconvQuote(std::string_view s);

}  // namespace sim::cli
