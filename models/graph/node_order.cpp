// SPDX-License-Identifier: GPL-3.0-or-later
#include "node_order.h"

#include <algorithm>

namespace flowscope::graph {

namespace {

constexpr std::size_t kPacked = 16;

} // namespace

void NodeRanking::reserve(std::size_t nodes) { m_ranked.reserve(nodes); }

void NodeRanking::add(std::uint64_t weight, const QString &id)
{
    Ranked ranked;
    ranked.weight = weight;
    ranked.node = static_cast<std::uint32_t>(m_ranked.size());
    bool ascii = true;
    const std::size_t n = std::min(static_cast<std::size_t>(id.size()), kPacked);
    for (std::size_t i = 0; i < n && ascii; ++i) {
        const char16_t c = id[static_cast<qsizetype>(i)].unicode();
        ascii = c != 0 && c < 0x80;
        ranked.head[i / 8] |= std::uint64_t(c) << (56 - 8 * (i % 8));
    }
    m_packed = m_packed && ascii;
    if (!ascii || static_cast<std::size_t>(id.size()) > kPacked) {
        ranked.text = static_cast<std::uint32_t>(m_texts.size());
        m_texts.push_back(id);
    }
    m_ranked.push_back(ranked);
}

void NodeRanking::addAscii(std::uint64_t weight, const char *id, std::size_t size)
{
    if (size > kPacked) {
        add(weight, QString::fromLatin1(id, static_cast<qsizetype>(size)));
        return;
    }
    Ranked ranked;
    ranked.weight = weight;
    ranked.node = static_cast<std::uint32_t>(m_ranked.size());
    for (std::size_t i = 0; i < size; ++i)
        ranked.head[i / 8] |= std::uint64_t(static_cast<unsigned char>(id[i])) << (56 - 8 * (i % 8));
    m_ranked.push_back(ranked);
}

QString NodeRanking::textOf(const Ranked &ranked) const
{
    if (ranked.text != kNoText)
        return m_texts[ranked.text];
    QString text;
    for (std::size_t i = 0; i < kPacked; ++i) {
        const auto c = static_cast<char>(ranked.head[i / 8] >> (56 - 8 * (i % 8)));
        if (!c)
            break;
        text += QLatin1Char(c);
    }
    return text;
}

std::vector<std::uint32_t> NodeRanking::heaviestFirst()
{
    if (m_packed) {
        // The heads order as the texts' first characters do (a text that
        // ends sorts before one that goes on, as a zero sorts first), so
        // where they differ they decide; two whole ones that agree are the
        // same text, and a whole one that agrees with a longer one is its
        // first 16 characters.
        std::sort(m_ranked.begin(), m_ranked.end(), [this](const Ranked &x, const Ranked &y) {
            if (x.weight != y.weight)
                return x.weight > y.weight;
            if (x.head[0] != y.head[0])
                return x.head[0] < y.head[0];
            if (x.head[1] != y.head[1])
                return x.head[1] < y.head[1];
            if (x.whole() || y.whole())
                return x.whole() && !y.whole();
            return m_texts[x.text] < m_texts[y.text];
        });
    } else {
        // An id outside ASCII: every id compared whole, as text.
        for (Ranked &ranked : m_ranked) {
            if (ranked.text == kNoText) {
                QString text = textOf(ranked);
                ranked.text = static_cast<std::uint32_t>(m_texts.size());
                m_texts.push_back(std::move(text));
            }
        }
        std::sort(m_ranked.begin(), m_ranked.end(), [this](const Ranked &x, const Ranked &y) {
            return x.weight != y.weight ? x.weight > y.weight : m_texts[x.text] < m_texts[y.text];
        });
    }
    std::vector<std::uint32_t> order(m_ranked.size());
    for (std::size_t i = 0; i < m_ranked.size(); ++i)
        order[i] = m_ranked[i].node;
    return order;
}

std::vector<std::uint32_t> heaviestFirst(const std::vector<std::uint64_t> &weights, const std::vector<const QString *> &ids)
{
    NodeRanking ranking;
    ranking.reserve(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i)
        ranking.add(weights[i], *ids[i]);
    return ranking.heaviestFirst();
}

} // namespace flowscope::graph
