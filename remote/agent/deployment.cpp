// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/deployment.h"

#include "core/error.h"

#include <chrono>

namespace cleave::remote {

namespace {

using Clock = std::chrono::steady_clock;

graph::Tensors timed(std::optional<torch::jit::Module> &module, const graph::Tensors &x,
                     double *seconds)
{
    if (!module)
        return x;
    const auto start = Clock::now();
    auto y = graph::cutTensors(module->forward({x.begin(), x.end()}));
    *seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return y;
}

std::string describe(const std::vector<graph::Shape> &shapes)
{
    std::string text;
    for (const auto &shape : shapes)
        text += (text.empty() ? "" : ", ") + graph::formatShape(shape);
    return text.size() > 200 ? text.substr(0, 200) + "..." : text;
}

} // namespace

Deployment::Deployment(std::string name, std::vector<graph::Shape> inputs,
                       std::optional<torch::jit::Module> compute,
                       std::optional<torch::jit::Module> tl, Order order)
    : m_name(std::move(name))
    , m_inputs(std::move(inputs))
    , m_compute(std::move(compute))
    , m_tl(std::move(tl))
    , m_order(order)
{
    if (m_compute)
        m_compute->eval();
    if (m_tl)
        m_tl->eval();
    if (m_inputs.empty())
        throw Error(ErrorKind::InvalidInput, m_name + ": a deployment takes at least one tensor");
    try {
        learnOutputs();
    } catch (const c10::Error &e) {
        throw Error(ErrorKind::InvalidInput, m_name + ": does not run on a " + describe(m_inputs) +
                                                 " input: " + e.what_without_backtrace());
    } catch (const Error &e) {
        throw Error(ErrorKind::InvalidInput, m_name + ": " + e.what());
    } catch (const std::exception &e) {
        // The TorchScript interpreter reports shape mismatches as plain runtime errors.
        std::string why = e.what();
        why = why.substr(0, why.find('\n'));
        throw Error(ErrorKind::InvalidInput,
                    m_name + ": does not run on a " + describe(m_inputs) + " input: " + why);
    }
}

void Deployment::learnOutputs()
{
    graph::Tensors zeros;
    for (const auto &shape : m_inputs)
        zeros.push_back(torch::zeros(shape));
    Times ignored;
    for (const auto &output : run(zeros, &ignored)) {
        if (output.scalar_type() != torch::kFloat)
            throw Error(ErrorKind::InvalidInput,
                        "it returns " + std::string(c10::toString(output.scalar_type())) +
                            ", not float32");
        m_outputs.push_back(output.sizes().vec());
    }
    if (m_outputs.empty())
        throw Error(ErrorKind::InvalidInput, "it returns no tensor");
}

graph::Tensors Deployment::run(const graph::Tensors &inputs, Times *times) const
{
    c10::InferenceMode inference;
    // A Transfer Layer reduces one tensor: the agent is sent none for a cut of several.
    const auto tl = [&](const graph::Tensors &x) {
        if (m_tl && x.size() != 1)
            throw Error(ErrorKind::InvalidInput,
                        "a Transfer Layer takes one tensor, not " + std::to_string(x.size()));
        return timed(m_tl, x, &times->tl_s);
    };
    if (m_order == Order::ComputeThenTl)
        return tl(timed(m_compute, inputs, &times->compute_s));
    return timed(m_compute, tl(inputs), &times->compute_s);
}

void Deployments::install(std::shared_ptr<const Deployment> deployment)
{
    std::shared_ptr<const Deployment> replaced; // freed outside the lock
    std::lock_guard lock(m_mutex);
    auto &slot = m_byName[deployment->name()];
    replaced = std::move(slot);
    slot = std::move(deployment);
}

bool Deployments::remove(const std::string &name)
{
    std::shared_ptr<const Deployment> removed; // freed outside the lock
    std::lock_guard lock(m_mutex);
    const auto found = m_byName.find(name);
    if (found == m_byName.end())
        return false;
    removed = std::move(found->second);
    m_byName.erase(found);
    return true;
}

std::shared_ptr<const Deployment> Deployments::find(const std::string &name) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_byName.find(name);
    return found == m_byName.end() ? nullptr : found->second;
}

} // namespace cleave::remote
