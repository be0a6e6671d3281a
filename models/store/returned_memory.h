// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Gives the pages of freed heap memory back to the system. glibc keeps what
// a thread frees in that thread's arena, where another thread's allocations
// cannot reuse it: after the import's threads free their gathering arrays,
// the writing thread's next large allocations would otherwise add to the
// process's peak RSS instead of replacing them. A no-op elsewhere.

namespace flowscope {

void returnFreedMemory();

} // namespace flowscope
