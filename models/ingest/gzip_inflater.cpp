// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzip_inflater.h"

#include <isa-l/igzip_lib.h>

namespace flowscope {

namespace {

const char *describe(int status)
{
    switch (status) {
    case ISAL_INVALID_BLOCK: return "invalid block";
    case ISAL_INVALID_SYMBOL: return "invalid code";
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER: return "incorrect header check";
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
    case ISAL_NEED_DICT: return "needs a dictionary";
    default: return "decoder error";
    }
}

} // namespace

GzipInflater::GzipInflater()
    : m_state(std::make_unique<inflate_state>())
{
    isal_inflate_init(m_state.get());
    m_state->crc_flag = ISAL_GZIP;
}

GzipInflater::~GzipInflater() = default;

void GzipInflater::feed(const std::uint8_t *data, std::size_t size)
{
    m_state->next_in = const_cast<std::uint8_t *>(data);
    m_state->avail_in = static_cast<std::uint32_t>(size);
}

std::size_t GzipInflater::inputLeft() const { return m_state->avail_in; }

std::uint8_t GzipInflater::nextInputByte() const { return *m_state->next_in; }

GzipInflater::Result GzipInflater::inflate(char *out, std::size_t capacity, std::size_t &written)
{
    inflate_state &s = *m_state;
    s.next_out = reinterpret_cast<std::uint8_t *>(out);
    s.avail_out = static_cast<std::uint32_t>(capacity);
    const int status = isal_inflate(&s);
    written += capacity - s.avail_out;
    if (status < 0) {
        m_error = describe(status);
        return Result::Corrupt;
    }
    return s.block_state == ISAL_BLOCK_FINISH ? Result::MemberEnd : Result::More;
}

void GzipInflater::startMember()
{
    // Keeps the input that follows the member ended.
    std::uint8_t *next = m_state->next_in;
    const std::uint32_t left = m_state->avail_in;
    isal_inflate_reset(m_state.get());
    m_state->crc_flag = ISAL_GZIP;
    m_state->next_in = next;
    m_state->avail_in = left;
}

} // namespace flowscope
