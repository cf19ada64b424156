// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/offloader.h"

#include "core/error.h"
#include "core/tl/inserter.h"
#include "remote/client/agentclient.h"

#include <cstdio>
#include <random>
#include <sstream>

namespace cleave::remote {

namespace {

std::string serialise(const torch::jit::Module &module)
{
    std::ostringstream out;
    module.save(out);
    return out.str();
}

// A slice of `g`; empty for an empty range.
std::string piece(const graph::ModelGraph &g, int first, int end)
{
    return first < end ? serialise(g.slice(first, end)) : std::string();
}

// Agent-side names: letters, digits, '_' and '-' only (Triton's model names are folders).
std::string safeName(const std::string &text)
{
    std::string name;
    for (const char c : text.substr(text.rfind('/') + 1))
        name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
    return name;
}

} // namespace

SplitHalves makeHalves(const graph::ModelGraph &model, int split,
                       const std::optional<tl::TlSpec> &tl)
{
    const int k = model.blockCount();
    if (split < 0 || split > k)
        throw Error(ErrorKind::InvalidInput, "--split " + std::to_string(split) +
                                                 ": out of range 0.." + std::to_string(k) +
                                                 " for " + model.name());
    SplitHalves halves;
    halves.split = split;
    halves.input = model.inputShape();
    const auto &cut = model.cuts()[size_t(split)];
    // A Transfer Layer reduces one tensor: a cut of several crosses as it is.
    if (tl && split < k && cut.single() && tl->appliesTo(cut.shape())) {
        const auto tlModel = tl::insertTransferLayer(model, split, *tl);
        const auto pieces = tl::splitAtTransferLayer(tlModel);
        const auto &g = pieces.graph;
        halves.tl = tl->name();
        halves.wire = {tlModel.wireShape};
        halves.headCompute = piece(g, 0, split);
        halves.deviceTl = piece(g, split, pieces.wireCut);
        halves.edgeTl = piece(g, pieces.wireCut, pieces.restoredCut);
        halves.tailCompute = piece(g, pieces.restoredCut, g.blockCount());
        return halves;
    }
    for (const auto &tensor : cut.tensors)
        halves.wire.push_back(tensor.shape);
    halves.headCompute = piece(model, 0, split);
    halves.tailCompute = piece(model, split, k);
    return halves;
}

Offloader::Offloader(AgentClient &device, AgentClient &edge)
    : m_device(device)
    , m_edge(edge)
    , m_edgeForDevice(edge.address())
{
    std::random_device random;
    char text[16];
    std::snprintf(text, sizeof text, "%08x", unsigned(random()));
    m_session = text;
}

Offloader::~Offloader()
{
    // Best effort: an agent that went away has nothing left to free.
    const auto remove = [](AgentClient &agent, const std::string &name) {
        if (name.empty())
            return;
        try {
            agent.undeploy(name);
        } catch (const Error &) {
        }
    };
    remove(m_device, m_deviceName);
    remove(m_edge, m_edgeName);
}

SplitMeasurement
Offloader::run(const SplitHalves &halves, const std::string &modelName,
               const OffloadSettings &settings, const Progress &progress,
               const std::function<void(const agent::v1::InferenceTiming &)> &onRun)
{
    // One name per offloader for each half: the next split replaces the last one's halves.
    const auto base = safeName(modelName) + "_" + m_session;
    if (progress && !progress(0.0, "deploying split " + std::to_string(halves.split)))
        throw Error(ErrorKind::Cancelled, "offload cancelled");
    m_device.deploy(base + "_head", {halves.input}, halves.headCompute, halves.deviceTl);
    m_deviceName = base + "_head";
    if (halves.runsOnEdge()) {
        m_edge.deploy(base + "_tail", halves.wire, halves.tailCompute, halves.edgeTl);
        m_edgeName = base + "_tail";
    } else if (!m_edgeName.empty()) {
        m_edge.undeploy(m_edgeName);
        m_edgeName.clear();
    }

    agent::v1::OffloadRequest request;
    request.set_deployment(base + "_head");
    if (halves.runsOnEdge()) {
        request.set_edge_address(m_edgeForDevice);
        request.set_edge_model(base + "_tail");
        request.set_edge_token(m_edge.token());
        request.set_edge_tls_ca(m_edge.tlsRoots());
    }
    request.set_codec(settings.codec.name());
    request.mutable_link()->set_uplink_bps(settings.link.uplink_bps);
    request.mutable_link()->set_downlink_bps(settings.link.downlink_bps);
    request.mutable_link()->set_latency_s(settings.link.latency_s);
    request.set_runs(settings.runs);
    request.set_warmup(settings.warmup);
    request.set_seed(settings.seed);
    request.set_deadline_s(settings.deadline_s);

    SplitMeasurement measurement;
    measurement.split = halves.split;
    measurement.tl = halves.tl;
    measurement.codec = settings.codec.name();
    m_device.offload(request, [&](const agent::v1::OffloadEvent &event) {
        if (event.has_inference()) {
            measurement.runs.push_back(event.inference());
            if (onRun)
                onRun(event.inference());
        }
        if (progress && event.has_progress() &&
            !progress(event.progress().fraction(), event.progress().message()))
            throw Error(ErrorKind::Cancelled, "offload cancelled");
    });
    return measurement;
}

} // namespace cleave::remote
