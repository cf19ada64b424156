// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/deployment.h"

#include "core/error.h"

#include <chrono>

namespace cleave::remote {

namespace {

using Clock = std::chrono::steady_clock;

torch::Tensor timed(std::optional<torch::jit::Module> &module, const torch::Tensor &x,
                    double *seconds)
{
    if (!module)
        return x;
    const auto start = Clock::now();
    auto y = module->forward({x}).toTensor();
    *seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return y;
}

} // namespace

Deployment::Deployment(std::string name, graph::Shape input,
                       std::optional<torch::jit::Module> compute,
                       std::optional<torch::jit::Module> tl, Order order)
    : m_name(std::move(name))
    , m_input(std::move(input))
    , m_compute(std::move(compute))
    , m_tl(std::move(tl))
    , m_order(order)
{
    if (m_compute)
        m_compute->eval();
    if (m_tl)
        m_tl->eval();
    try {
        Times ignored;
        const auto output = run(torch::zeros(m_input), &ignored);
        if (output.scalar_type() != torch::kFloat)
            throw Error(ErrorKind::InvalidInput,
                        "it returns " + std::string(c10::toString(output.scalar_type())) +
                            ", not float32");
        m_output = output.sizes().vec();
    } catch (const c10::Error &e) {
        throw Error(ErrorKind::InvalidInput, m_name + ": does not run on a " +
                                                 graph::formatShape(m_input) +
                                                 " input: " + e.what_without_backtrace());
    } catch (const Error &e) {
        throw Error(ErrorKind::InvalidInput, m_name + ": " + e.what());
    } catch (const std::exception &e) {
        // The TorchScript interpreter reports shape mismatches as plain runtime errors.
        std::string why = e.what();
        why = why.substr(0, why.find('\n'));
        throw Error(ErrorKind::InvalidInput, m_name + ": does not run on a " +
                                                 graph::formatShape(m_input) + " input: " + why);
    }
}

torch::Tensor Deployment::run(const torch::Tensor &input, Times *times) const
{
    c10::InferenceMode inference;
    if (m_order == Order::ComputeThenTl) {
        const auto y = timed(m_compute, input, &times->compute_s);
        return timed(m_tl, y, &times->tl_s);
    }
    const auto y = timed(m_tl, input, &times->tl_s);
    return timed(m_compute, y, &times->compute_s);
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
