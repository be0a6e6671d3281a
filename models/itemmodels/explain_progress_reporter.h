// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A model's progress(int permille) signal fed from the explainer's worker
// threads: emitted (queued to the model's thread) each time the per-mille
// changes, and no more once a newer request or a cancel made the work stale.

#include "explain/explain_progress.h"

#include <atomic>
#include <functional>
#include <memory>

namespace flowscope {

template <typename Model>
explain::ExplainProgressFn progressReporter(Model *model, std::function<bool()> stale)
{
    auto last = std::make_shared<std::atomic<int>>(-1);
    return [model, stale = std::move(stale), last](const explain::ExplainProgress &step) {
        const int permille = explain::progressPermille(step);
        if (last->exchange(permille) != permille && !stale())
            Q_EMIT model->progress(permille);
    };
}

} // namespace flowscope
