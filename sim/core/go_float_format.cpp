// Go's strconv.FormatFloat ('e', 'f', 'g' and their upper-case forms), shortest or at a precision.
#include "sim/core/json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace sim::core {

namespace {

// ---- Go float formatting (strconv/ftoa.go) ----------------------------------------------

// A decimal digit string d1 d2 ... dn with the decimal point after `dp` digits
// (value = 0.d1d2...dn * 10^dp). Zero has no digits.
struct Decimal {
    std::string digits;
    int dp = 0;
    bool neg = false;
};

// Reads "-d.ddde+XX" as printed by to_chars/printf in scientific form.
Decimal fromScientific(std::string_view text) {
    Decimal d;
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') {
        d.neg = true;
        ++i;
    }
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] >= '0' && text[i] <= '9') d.digits.push_back(text[i]);
    }
    int exp = 0;
    if (i < text.size()) {
        ++i;
        bool negExp = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negExp = text[i++] == '-';
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) exp = exp * 10 + (text[i] - '0');
        if (negExp) exp = -exp;
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    d.dp = d.digits.empty() ? 0 : exp + 1;
    // Leading zeros cannot occur for a non-zero mantissa in scientific form.
    return d;
}

Decimal shortestDecimal(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    return fromScientific(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

// `significant` (>= 1) correctly rounded significant digits, trailing zeros trimmed.
Decimal roundedDecimal(double v, int significant) {
    significant = std::clamp(significant, 1, 800);
    std::vector<char> buf(static_cast<std::size_t>(significant) + 32);
    const int n = std::snprintf(buf.data(), buf.size(), "%.*e", significant - 1, v);
    if (n < 0) return {};
    return fromScientific(std::string_view(buf.data(), std::min(buf.size() - 1, static_cast<std::size_t>(n))));
}

void fmtE(std::string& out, const Decimal& d, int prec, char expChar) {
    if (d.neg) out.push_back('-');
    const int nd = static_cast<int>(d.digits.size());
    out.push_back(nd != 0 ? d.digits[0] : '0');
    if (prec > 0) {
        out.push_back('.');
        int i = 1;
        const int m = std::min(nd, prec + 1);
        for (; i < m; ++i) out.push_back(d.digits[static_cast<std::size_t>(i)]);
        for (; i <= prec; ++i) out.push_back('0');
    }
    out.push_back(expChar);
    int exp = nd == 0 ? 0 : d.dp - 1;
    out.push_back(exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 10) {
        out.push_back('0');
        out.push_back(static_cast<char>('0' + exp));
    } else {
        out += std::to_string(exp);
    }
}

void fmtF(std::string& out, const Decimal& d, int prec) {
    if (d.neg) out.push_back('-');
    const int nd = static_cast<int>(d.digits.size());
    if (d.dp > 0) {
        const int m = std::min(nd, d.dp);
        out.append(d.digits, 0, static_cast<std::size_t>(m));
        for (int i = m; i < d.dp; ++i) out.push_back('0');
    } else {
        out.push_back('0');
    }
    if (prec > 0) {
        out.push_back('.');
        for (int i = 0; i < prec; ++i) {
            const int j = d.dp + i;
            out.push_back(j >= 0 && j < nd ? d.digits[static_cast<std::size_t>(j)] : '0');
        }
    }
}

}  // namespace

std::string formatGoFloat(double v, char format, int precision) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    const bool upper = format == 'E' || format == 'G';
    const char lower = upper ? static_cast<char>(format - 'A' + 'a') : format;
    const char expChar = upper ? 'E' : 'e';
    std::string out;
    if (lower == 'f' && precision >= 0) {
        precision = std::min(precision, 1000);
        const int n = std::snprintf(nullptr, 0, "%.*f", precision, v);
        if (n <= 0) return out;
        std::vector<char> buf(static_cast<std::size_t>(n) + 1);
        std::snprintf(buf.data(), buf.size(), "%.*f", precision, v);
        return std::string(buf.data(), static_cast<std::size_t>(n));
    }
    const bool shortest = precision < 0;
    Decimal d;
    if (shortest) {
        d = shortestDecimal(v);
    } else {
        precision = std::min(precision, 1000);
        if (lower == 'e') {
            d = roundedDecimal(v, precision + 1);
        } else {
            if (precision == 0) precision = 1;
            d = roundedDecimal(v, precision);
        }
    }
    const int nd = static_cast<int>(d.digits.size());
    switch (lower) {
        case 'e':
            fmtE(out, d, shortest ? std::max(nd - 1, 0) : precision, expChar);
            return out;
        case 'f':  // shortest only; the fixed case returned above
            fmtF(out, d, std::max(nd - d.dp, 0));
            return out;
        case 'g': {
            int prec = shortest ? nd : precision;
            int eprec = prec;
            if (eprec > nd && nd >= d.dp) eprec = nd;
            if (shortest) eprec = 6;
            const int exp = d.dp - 1;
            if (exp < -4 || exp >= eprec) {
                if (prec > nd) prec = nd;
                fmtE(out, d, prec - 1, expChar);
                return out;
            }
            if (prec > d.dp) prec = nd;
            fmtF(out, d, std::max(prec - d.dp, 0));
            return out;
        }
        default:
            return "%" + std::string(1, format);
    }
}

}  // namespace sim::core
