// What the ledger's records are now, and their removal: a namespace goes with everything inside
// it (links, addresses, routes, sysctls, its nft table), files and directories one by one, and
// /run/netns only when docknet made it and nothing else lives there. Runs on the worker thread.
#pragma once

#include <string>
#include <vector>

#include "real/ledger.hpp"

namespace docknet::real {

/// Whether the record's object exists now.
bool recordExists(const LedgerRecord& r);
/// Removes the records' objects, newest first. Returns the ones it could not remove, with a
/// reason each in `problems`.
std::vector<LedgerRecord> removeRecorded(const std::vector<LedgerRecord>& records, std::vector<std::string>& problems);

}  // namespace docknet::real
