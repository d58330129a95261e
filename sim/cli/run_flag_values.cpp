#include "sim/cli/run_flag_values.hpp"

#include <cctype>
#include <cstdlib>
#include <sstream>

namespace sim::cli {

core::Result<std::int64_t> parseRamInBytes(const std::string& text) {
    auto invalid = [&] { return core::fail(core::ErrorCode::InvalidArgument, "invalid size: '" + text + "'"); };
    // ^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        return i > start;
    };
    if (!digits()) return invalid();
    int dots = 0;
    while (i < text.size() && text[i] == '.') {
        ++i;
        ++dots;
        if (!digits()) return invalid();
    }
    const std::string number = text.substr(0, i);
    if (i < text.size() && text[i] == ' ') ++i;
    double unit = 1;
    if (i < text.size()) {
        const std::string units = "kmgtp";
        const auto u = units.find(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
        if (u != std::string::npos) {
            for (std::size_t n = 0; n <= u; ++n) unit *= 1024;
            ++i;
        }
    }
    if (i < text.size() && (text[i] == 'i' || text[i] == 'I')) ++i;
    if (i < text.size() && (text[i] == 'b' || text[i] == 'B')) ++i;
    if (i != text.size() || dots > 1) return invalid();  // "1.2.3" matches the pattern, ParseFloat refuses it
    return static_cast<std::int64_t>(std::strtod(number.c_str(), nullptr) * unit);
}

core::Result<std::int64_t> parseNanoCpus(const std::string& text) {
    auto invalid = [&] {
        return core::fail(core::ErrorCode::InvalidArgument, "failed to parse " + text + " as a rational number");
    };
    // big.Rat.SetString: [sign] digits [. digits] or a/b (the exponent forms are left out).
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::string whole, frac, denom;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) whole += text[i++];
    if (i < text.size() && text[i] == '/') {
        ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) denom += text[i++];
        if (whole.empty() || denom.empty() || i != text.size()) return invalid();
        const long double n = std::strtold(whole.c_str(), nullptr), d = std::strtold(denom.c_str(), nullptr);
        if (d == 0) return invalid();
        const long double nano = n * 1e9L / d;
        if (nano != static_cast<long double>(static_cast<std::int64_t>(nano)))
            return core::fail(core::ErrorCode::InvalidArgument, "value is too precise");
        return (negative ? -1 : 1) * static_cast<std::int64_t>(nano);
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) frac += text[i++];
    }
    if ((whole.empty() && frac.empty()) || i != text.size()) return invalid();
    while (frac.size() > 9 && frac.back() == '0') frac.pop_back();
    if (frac.size() > 9) return core::fail(core::ErrorCode::InvalidArgument, "value is too precise");
    frac.resize(9, '0');
    const std::int64_t nano = std::strtoll(whole.empty() ? "0" : whole.c_str(), nullptr, 10) * 1'000'000'000 +
                              std::strtoll(frac.c_str(), nullptr, 10);
    return negative ? -nano : nano;
}

core::Result<std::string> validateEnv(const std::string& value,
                                      const std::function<std::optional<std::string>(const std::string&)>& lookup) {
    const auto eq = value.find('=');
    const std::string key = value.substr(0, eq);
    if (key.empty()) return core::fail(core::ErrorCode::InvalidArgument, "invalid environment variable: " + value);
    if (eq != std::string::npos) return value;
    if (lookup)
        if (auto v = lookup(key)) return key + "=" + *v;
    return value;
}

core::Result<std::vector<std::string>> parseKeyValueFile(
    const std::string& content, const std::function<std::optional<std::string>(const std::string&)>& lookup) {
    const std::string whiteSpaces = " \t";
    std::vector<std::string> out;
    std::istringstream in(content);
    std::string raw;
    bool first = true;
    while (std::getline(in, raw)) {
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        if (first && raw.starts_with("\xEF\xBB\xBF")) raw.erase(0, 3);  // a UTF-8 BOM
        first = false;
        const auto start = raw.find_first_not_of(" \t\n\v\f\r");
        if (start == std::string::npos) continue;
        const std::string line = raw.substr(start);
        if (line.starts_with('#')) continue;
        const auto eq = line.find('=');
        const std::string variable = line.substr(0, eq);
        if (variable.find_first_of(whiteSpaces) != std::string::npos)
            return core::fail(core::ErrorCode::InvalidArgument,
                              "poorly formatted environment: variable '" + variable + "' contains whitespaces");
        if (variable.empty())
            return core::fail(core::ErrorCode::InvalidArgument, "poorly formatted environment: no variable name on line '" + line + "'");
        if (eq != std::string::npos) {
            out.push_back(line);
            continue;
        }
        if (lookup)
            if (auto v = lookup(variable)) out.push_back(variable + "=" + *v);
    }
    return out;
}

}  // namespace sim::cli
