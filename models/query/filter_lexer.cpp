// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_lexer.h"

#include <cstdio>

namespace flowscope {
namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '.' || c == ':' || c == '/' || c == '-' || c == '+';
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '-' || c == '.';
}

std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    std::size_t len = 1;
    while (len < n && i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80)
        ++len;
    return len;
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : m_s(s) {}

    LexedFilter run()
    {
        while (true) {
            while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r'))
                ++m_i;
            if (m_i >= m_s.size()) {
                push(FilterTokenType::End, m_i, 0, {});
                return std::move(m_out);
            }
            if (!lexOne())
                return std::move(m_out);
        }
    }

private:
    void push(FilterTokenType type, std::size_t pos, std::size_t len, std::string text)
    {
        m_out.tokens.push_back({type, pos, len, std::move(text)});
    }

    bool fail(FilterError::Kind kind, std::size_t pos, std::size_t len, std::string message)
    {
        push(FilterTokenType::Error, pos, len, std::string(m_s.substr(pos, len)));
        m_out.error = FilterError{kind, pos, len, std::string(m_s.substr(pos, len)), std::move(message)};
        return false;
    }

    bool lexOne()
    {
        const std::size_t start = m_i;
        const char c = m_s[m_i];
        const char next = m_i + 1 < m_s.size() ? m_s[m_i + 1] : '\0';
        auto op = [&](FilterTokenType type, std::size_t len) {
            push(type, start, len, std::string(m_s.substr(start, len)));
            m_i += len;
            return true;
        };
        switch (c) {
        case '(': return op(FilterTokenType::LParen, 1);
        case ')': return op(FilterTokenType::RParen, 1);
        case '{': return op(FilterTokenType::LBrace, 1);
        case '}': return op(FilterTokenType::RBrace, 1);
        case ',': return op(FilterTokenType::Comma, 1);
        case '<': return next == '=' ? op(FilterTokenType::Le, 2) : op(FilterTokenType::Lt, 1);
        case '>': return next == '=' ? op(FilterTokenType::Ge, 2) : op(FilterTokenType::Gt, 1);
        case '!': return next == '=' ? op(FilterTokenType::Ne, 2) : op(FilterTokenType::Bang, 1);
        case '=':
            if (next == '=')
                return op(FilterTokenType::Eq, 2);
            return fail(FilterError::Kind::Invalid, start, 1, "expected '==' (a single '=' is not an operator)");
        case '&':
            if (next == '&')
                return op(FilterTokenType::AndAnd, 2);
            return fail(FilterError::Kind::Invalid, start, 1, "expected '&&'");
        case '|':
            if (next == '|')
                return op(FilterTokenType::OrOr, 2);
            return fail(FilterError::Kind::Invalid, start, 1, "expected '||'");
        case '"': return lexString();
        case '@': return lexIocRef();
        default: break;
        }
        if (c == '.' && next == '.')
            return op(FilterTokenType::DotDot, 2);
        if (isWordChar(c)) {
            while (m_i < m_s.size() && isWordChar(m_s[m_i])
                   && !(m_s[m_i] == '.' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '.'))
                ++m_i;
            // "dstpört": report the stray byte, not an unknown field "dstp".
            if (m_i < m_s.size() && static_cast<unsigned char>(m_s[m_i]) >= 0x80)
                return failNonAscii(m_i);
            push(FilterTokenType::Word, start, m_i - start, std::string(m_s.substr(start, m_i - start)));
            return true;
        }
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80)
            return failNonAscii(start);
        if (c == '\'')
            return fail(FilterError::Kind::Invalid, start, 1, "unexpected ''': strings use double quotes");
        char buf[64];
        if (byte < 0x20 || byte == 0x7F)
            std::snprintf(buf, sizeof buf, "unexpected control character 0x%02X", byte);
        else
            std::snprintf(buf, sizeof buf, "unexpected character '%c'", c);
        return fail(FilterError::Kind::Invalid, start, 1, buf);
    }

    bool failNonAscii(std::size_t pos)
    {
        return fail(FilterError::Kind::Invalid, pos, utf8Length(m_s, pos),
                    "non-ASCII character: expected a field name, operator or value "
                    "(only double-quoted strings may contain non-ASCII text)");
    }

    bool lexString()
    {
        const std::size_t start = m_i++;
        std::string text;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i++];
            if (c == '"') {
                push(FilterTokenType::String, start, m_i - start, std::move(text));
                return true;
            }
            if (c != '\\') {
                text += c;
                continue;
            }
            if (m_i >= m_s.size())
                break;
            const char e = m_s[m_i++];
            switch (e) {
            case '"': text += '"'; break;
            case '\\': text += '\\'; break;
            case 'n': text += '\n'; break;
            case 't': text += '\t'; break;
            default:
                // Kept as typed so regular expressions read naturally: "\d+".
                text += '\\';
                text += e;
                break;
            }
        }
        return fail(FilterError::Kind::Incomplete, start, m_s.size() - start,
                    "unterminated string: expected a closing '\"'");
    }

    bool lexIocRef()
    {
        const std::size_t start = m_i++;
        while (m_i < m_s.size() && isNameChar(m_s[m_i]))
            ++m_i;
        if (m_i == start + 1) {
            if (m_i >= m_s.size())
                return fail(FilterError::Kind::Incomplete, start, 1, "expected an IOC list name after '@'");
            return fail(FilterError::Kind::Invalid, start, 1, "expected an IOC list name after '@'");
        }
        push(FilterTokenType::IocRef, start, m_i - start, std::string(m_s.substr(start + 1, m_i - start - 1)));
        return true;
    }

    std::string_view m_s;
    std::size_t m_i = 0;
    LexedFilter m_out;
};

} // namespace

LexedFilter lexFilter(std::string_view expression) { return Lexer(expression).run(); }

} // namespace flowscope
