// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/shape.h"

#include <torch/script.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace cleave::remote {

/// One half of a split model installed on an agent: the blocks (`compute`, none at split 0)
/// and the Transfer Layer half (`tl`, none without a TL). A device runs compute then DeviceTL;
/// an edge or cloud agent runs EdgeTL then compute. Runs from several threads at once.
class Deployment
{
public:
    enum class Order { ComputeThenTl, TlThenCompute };

    /// Runs the half once on zeros to learn the output shape; Error(InvalidInput) naming
    /// `name` when a module does not take the input.
    Deployment(std::string name, graph::Shape input, std::optional<torch::jit::Module> compute,
               std::optional<torch::jit::Module> tl, Order order);

    struct Times
    {
        double compute_s = 0;
        double tl_s = 0;
    };
    torch::Tensor run(const torch::Tensor &input, Times *times) const;

    const std::string &name() const { return m_name; }
    const graph::Shape &inputShape() const { return m_input; }
    const graph::Shape &outputShape() const { return m_output; }

private:
    std::string m_name;
    graph::Shape m_input;
    graph::Shape m_output;
    // Module's methods are not const, though running one is safe from many threads.
    mutable std::optional<torch::jit::Module> m_compute;
    mutable std::optional<torch::jit::Module> m_tl;
    Order m_order;
};

/// Deployments by name; installing one replaces (and frees, once its last run ends) another
/// of the same name.
class Deployments
{
public:
    void install(std::shared_ptr<const Deployment> deployment);
    std::shared_ptr<const Deployment> find(const std::string &name) const;
    /// False when there was none by that name.
    bool remove(const std::string &name);

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const Deployment>> m_byName;
};

} // namespace cleave::remote
