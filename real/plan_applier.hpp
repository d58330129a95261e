// PlanApplier: the steps of apply, in an order the kernel accepts (namespaces, sysctls, links,
// masters and up, addresses, routes, the nft table, the /etc/netns files), each object written
// to the Ledger first. Runs on the NamespaceWorker thread.
#pragma once

#include "real/ledger.hpp"
#include "real/real_options.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

class PlanApplier {
public:
    PlanApplier(Ledger& ledger, const RealOptions& options) : m_ledger(ledger), m_options(options) {}
    sim::core::Result<void> apply(const sim::plan::KernelPlan& plan);

private:
    /// Ledger first, then `make`; counts the object (and crashes here when told to).
    template <class Make>
    sim::core::Result<void> create(const std::string& kind, const std::vector<std::string>& fields, Make make);
    /// `make` for an object recorded already (at ledger line `line`, by a batch).
    template <class Make>
    sim::core::Result<void> createRecorded(const std::string& kind, const std::vector<std::string>& fields, std::size_t line,
                                           Make make);
    sim::core::Result<void> makeNamespaces(const sim::plan::KernelPlan& plan);
    sim::core::Result<void> writeFiles(const sim::plan::KernelPlan& plan);

    Ledger& m_ledger;
    const RealOptions& m_options;
    int m_made = 0;
};

/// The plan only names docknet-* namespaces and keeps every object inside them.
sim::core::Result<void> checkPlanIsSelfContained(const sim::plan::KernelPlan& plan);

}  // namespace docknet::real
