// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which requests a reply certainly answers, told cheaply: finding the
// unanswered ones by pairing every request with its whole conversation kept
// every record of millions of conversations (1.5 GB on 10 million records).
// Most requests are answered, and that needs only the reverse 5-tuple: one
// scan keeps each request in 56 bytes, a second looks every record's own
// 5-tuple up among the requests' reversed ones and keeps nothing of it. A
// request counts as answered exactly when pairRecord would find its reply
// (a reverse record at another interface, or on its own interface when the
// request is told a request); what stays in doubt is left for pairRecord.

#include "explain_progress.h"

#include "store/block_codec.h"
#include "store/encoded_flow.h"

#include <cstdint>

#include <functional>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::explain {

struct AnsweredRequestSieve {
    // The filter's records that `isRequest` keeps: a flow record (isFlowRecord)
    // and a request. Sees kConversationColumns, `requestColumns`, the
    // interface, tcp-flags and the filter's columns. Called from two threads at once.
    std::function<bool(const EncodedFlow &)> isRequest;
    ColumnMask requestColumns = 0;
    // Asked once a block; true ends the scans with RejectExplainCancelled.
    std::function<bool()> cancelled;
    // Told of each block read (ExplainStage::Finding, both scans as one).
    ExplainProgressFn progress;
};

struct SievedRequests {
    std::size_t requests = 0;                // every request the filter kept
    std::vector<std::int64_t> notSurelyAnswered; // their ids, ascending: pair these whole
};

SievedRequests sieveAnsweredRequests(CaseDb &caseDb, const CaseFilter &filter, const AnsweredRequestSieve &sieve);

} // namespace flowscope::explain
