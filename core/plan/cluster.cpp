// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/cluster.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

namespace cleave::plan {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string segmentName(int end)
{
    return "segment [0, " + std::to_string(end) + ")";
}

ErrorKind kindOf(const ClusterProblem &problem)
{
    return problem.kind == ClusterProblem::Kind::NoStripTimings ? ErrorKind::NotFound
                                                                : ErrorKind::InvalidInput;
}

double sum(const std::vector<double> &values, int from)
{
    double total = 0;
    for (size_t i = size_t(std::max(from, 0)); i < values.size(); ++i)
        total += values[i];
    return total;
}

} // namespace

RowCost RowCost::fit(const std::vector<std::pair<double, double>> &points)
{
    RowCost cost;
    if (points.empty())
        return cost;
    double meanWork = 0;
    double meanTime = 0;
    for (const auto &[work, seconds] : points) {
        meanWork += work;
        meanTime += seconds;
    }
    meanWork /= double(points.size());
    meanTime /= double(points.size());
    double covariance = 0;
    double variance = 0;
    for (const auto &[work, seconds] : points) {
        covariance += (work - meanWork) * (seconds - meanTime);
        variance += (work - meanWork) * (work - meanWork);
    }
    cost.beta_s = variance > 0 ? covariance / variance : 0.0;
    cost.alpha_s = meanTime - cost.beta_s * meanWork;
    for (const auto &[work, seconds] : points)
        cost.worstResidual_s = std::max(cost.worstResidual_s, std::abs(seconds - cost.at(work)));
    return cost;
}

SegmentRows SegmentRows::of(const graph::RowLocalRun &run, int end, int64_t inputRowBytes,
                            int64_t outputRowBytes, const std::vector<double> &blockWeights)
{
    SegmentRows segment;
    segment.first = run.first;
    segment.end = end;
    segment.inputRowBytes = inputRowBytes;
    segment.outputRowBytes = outputRowBytes;
    const auto height = [&](int cut) { return run.heights.at(size_t(cut - run.first)); };
    // Block b's output (cut b + 1) weighs its time per row of that cut.
    double total = 0;
    for (int b = run.first; b < end && !blockWeights.empty(); ++b)
        total += std::max(blockWeights.at(size_t(b)), 0.0);
    const bool alike = total <= 0; // no weights, or no block took measurable time
    std::vector<double> weight;
    for (int b = run.first; b < end; ++b)
        weight.push_back((alike ? 1.0 : std::max(blockWeights[size_t(b)], 0.0)) /
                         double(std::max<int64_t>(height(b + 1), 1)));
    const int64_t rows = height(end);
    if (rows < 1)
        throw Error(ErrorKind::InvalidInput, "segment [" + std::to_string(run.first) + ", " +
                                                 std::to_string(end) + ") has no output rows");
    for (int64_t r = 0; r < rows; ++r) {
        // Backwards from the output row: the rows it needs at each cut, clipped there.
        graph::RowRange at{r, r + 1};
        double begin = 0;
        double stop = 0;
        for (int cut = end; cut > run.first; --cut) {
            begin += weight[size_t(cut - 1 - run.first)] * double(at.begin);
            stop += weight[size_t(cut - 1 - run.first)] * double(at.end);
            at = run.blocks[size_t(cut - 1 - run.first)].needs(at).clippedTo(height(cut - 1));
        }
        segment.needs.push_back(at);
        segment.workBegin.push_back(begin);
        segment.workEnd.push_back(stop);
    }
    // The whole segment is one: rows no output row needs (a strided window's last) are not done.
    const double whole = segment.workEnd.back() - segment.workBegin.front();
    for (size_t r = 0; r < segment.workEnd.size(); ++r) {
        segment.workBegin[r] /= whole;
        segment.workEnd[r] /= whole;
    }
    return segment;
}

RowCost SegmentRows::fit(const std::vector<std::pair<int64_t, double>> &timings) const
{
    std::vector<std::pair<double, double>> points;
    for (const auto &[height, seconds] : timings)
        if (height >= 1 && height <= rows())
            points.emplace_back(work(graph::middleRows(rows(), height)), seconds);
    return RowCost::fit(points);
}

std::vector<SegmentRows> SegmentRows::all(const graph::RowLocalRun &run,
                                          const std::vector<int> &ends,
                                          const std::vector<int64_t> &cutBytes,
                                          const std::vector<double> &blockWeights)
{
    std::vector<SegmentRows> segments;
    const auto rowBytes = [&](int cut) {
        return cutBytes.at(size_t(cut)) /
               std::max<int64_t>(run.heights.at(size_t(cut - run.first)), 1);
    };
    for (int end : ends)
        segments.push_back(of(run, end, rowBytes(run.first), rowBytes(end), blockWeights));
    return segments;
}

std::map<int, RowCost> fitStrips(const std::vector<SegmentRows> &segments,
                                 const std::vector<StripTime> &timings)
{
    std::map<int, RowCost> fits;
    for (const auto &segment : segments) {
        std::vector<std::pair<int64_t, double>> points;
        for (const auto &t : timings)
            if (t.first == segment.first && t.end == segment.end)
                points.emplace_back(t.rows, t.seconds);
        if (!points.empty())
            fits[segment.end] = segment.fit(points);
    }
    return fits;
}

double ClusterDevice::speed(int end) const
{
    const auto found = strips.find(end);
    return found == strips.end() ? 0.0 : 1.0 / std::max(found->second.at(1.0), 1e-12);
}

std::vector<int64_t> ClusterPlan::rowsByDevice(size_t devices) const
{
    std::vector<int64_t> rows(devices, 0);
    for (const auto &share : shares)
        rows[size_t(share.device)] = share.rows.size();
    return rows;
}

std::string problemText(const ClusterProblem &p)
{
    using K = ClusterProblem::Kind;
    switch (p.kind) {
    case K::NoDevices:
        return "no device is left to take part";
    case K::DuplicateDevice:
        return p.device + " is listed twice";
    case K::UnknownDevice:
        return p.device + " is not a device of the cluster";
    case K::SourceExcluded:
        return p.device + " holds the input and cannot be excluded";
    case K::DeviceCountRange:
        return "between " + std::to_string(p.number) + " and " + std::to_string(p.other) +
               " devices were asked for, of " + std::to_string(p.limit) + " that may take part";
    case K::MoreDevicesThanRows:
        return std::to_string(p.number) + " devices cannot each take a row of the " +
               std::to_string(p.limit) + " rows of " + segmentName(p.end);
    case K::NoStripTimings:
        return p.device + " has no strip timings" +
               (p.end < 0 ? std::string() : " of " + segmentName(p.end));
    case K::NotRowLocal:
        return segmentName(p.end) + " cannot be split into rows: the row-local blocks end at " +
               std::to_string(p.limit);
    case K::LinkBytes:
        return "no partition keeps every link under " + std::to_string(p.number) +
               " bytes per inference";
    }
    return {};
}

ClusterError::ClusterError(ClusterProblem problem)
    : Error(kindOf(problem), problemText(problem))
    , m_problem(std::move(problem))
{}

namespace {

/// The devices that may take part, after the request's names and ranges are checked.
std::vector<int> participants(const ClusterRequest &request)
{
    using K = ClusterProblem::Kind;
    const auto &devices = request.devices;
    std::set<std::string> names;
    for (const auto &d : devices)
        if (!names.insert(d.name).second)
            throw ClusterError({K::DuplicateDevice, d.name});
    if (devices.empty())
        throw ClusterError({K::NoDevices});
    for (const auto &name : request.excluded)
        if (!names.count(name))
            throw ClusterError({K::UnknownDevice, name});
    const auto excluded = [&](int i) {
        return std::find(request.excluded.begin(), request.excluded.end(),
                         devices[size_t(i)].name) != request.excluded.end();
    };
    if (request.source < 0 || size_t(request.source) >= devices.size())
        throw ClusterError({K::UnknownDevice, "device " + std::to_string(request.source)});
    if (excluded(request.source))
        throw ClusterError({K::SourceExcluded, devices[size_t(request.source)].name});
    std::vector<int> taking;
    for (int i = 0; i < int(devices.size()); ++i)
        if (!excluded(i))
            taking.push_back(i);
    const int most = request.devicesMax > 0 ? request.devicesMax : int(taking.size());
    if (request.devicesMin < 1 || request.devicesMin > most || most > int(taking.size()) ||
        request.devicesMax < 0)
        throw ClusterError(
            {K::DeviceCountRange, {}, request.devicesMin, most, int64_t(taking.size())});
    return taking;
}

/// What one device's strip [begin, end) costs, started once `sent_s` of the source's uplink
/// is spent on the strips before it: the formula of the design notes.
struct StripCost
{
    double sent_s = 0; ///< the source's uplink after this strip
    Share share;
};

StripCost stripCost(const SegmentRows &segment, const ClusterRequest &request, const RowCost &fit,
                    int device, int64_t begin, int64_t end, double sent_s)
{
    const auto &d = request.devices[size_t(device)];
    const bool source = device == request.source;
    const bool aggregator = request.aggregator && *request.aggregator == device;
    StripCost cost;
    Share &s = cost.share;
    s.device = device;
    s.rows = {begin, end};
    s.input = segment.input(s.rows);
    s.inputBytes = source ? 0 : s.input.size() * segment.inputRowBytes;
    s.outputBytes = aggregator ? 0 : s.rows.size() * segment.outputRowBytes;
    const double uplink = request.devices[size_t(request.source)].link.uplink_bps;
    cost.sent_s = sent_s + double(s.inputBytes) * 8.0 / uplink;
    s.received_s = source ? 0.0 : cost.sent_s + d.link.latency_s;
    s.computed_s = s.received_s + fit.at(segment.work(s.rows));
    s.finish_s =
        s.computed_s +
        (aggregator ? 0.0 : d.link.latency_s + double(s.outputBytes) * 8.0 / d.link.uplink_bps);
    return cost;
}

int64_t linkBytes(const Share &share)
{
    return share.inputBytes + share.outputBytes;
}

double restOf(const ClusterRequest &request, int end)
{
    if (request.aggregator)
        return sum(request.devices[size_t(*request.aggregator)].block_s, end);
    return sum(request.edgeBlock_s, end);
}

double returnLeg(const ClusterRequest &request)
{
    if (!request.returnLeg || (request.aggregator && *request.aggregator == request.source))
        return 0.0;
    const auto &link = request.devices[size_t(request.source)].link;
    return link.latency_s + double(request.outputBytes) * 8.0 / link.downlink_bps;
}

const RowCost &fitOf(const ClusterRequest &request, int device, int end)
{
    const auto &strips = request.devices[size_t(device)].strips;
    const auto found = strips.find(end);
    if (found == strips.end())
        throw ClusterError({ClusterProblem::Kind::NoStripTimings,
                            request.devices[size_t(device)].name, 0, 0, 0, end});
    return found->second;
}

/// The exact search on one segment: for a makespan T, whether integer rows exist with every
/// strip at the aggregator by T (a dynamic programme over the send order and the rows covered
/// so far, keeping the least uplink time spent), and which.
class SegmentSearch
{
public:
    SegmentSearch(const SegmentRows &segment, const ClusterRequest &request, std::vector<int> order,
                  int devicesMin, int devicesMax)
        : m_segment(segment)
        , m_request(request)
        , m_order(std::move(order))
        , m_min(devicesMin)
        , m_max(devicesMax)
        // Counting devices costs a dimension: only when a count is demanded.
        , m_counted(devicesMin > 1 || devicesMax < int(m_order.size()))
    {
        for (int device : m_order)
            m_fits.push_back(&fitOf(request, device, segment.end));
    }

    /// The rows per device (in send order) of a plan finishing by `T`, or nothing.
    std::optional<std::vector<int64_t>> feasible(double T) const
    {
        const int64_t H = m_segment.rows();
        const int layers = m_counted ? m_max + 1 : 1;
        const size_t n = m_order.size();
        // best[c][R]: least uplink time after strips covering rows [0, R) with c devices.
        std::vector<std::vector<double>> best(size_t(layers),
                                              std::vector<double>(size_t(H + 1), kInfinity));
        best[0][0] = 0;
        // from[i][c][R]: where device i's strip began (R itself: unused).
        std::vector<std::vector<std::vector<int64_t>>> from(
            n, std::vector<std::vector<int64_t>>(size_t(layers),
                                                 std::vector<int64_t>(size_t(H + 1), -1)));
        for (size_t i = 0; i < n; ++i) {
            auto next = best;
            for (int c = 0; c < layers; ++c)
                for (int64_t R = 0; R <= H; ++R)
                    if (best[size_t(c)][size_t(R)] < kInfinity)
                        from[i][size_t(c)][size_t(R)] = R;
            for (int c = 0; c < layers; ++c) {
                const int to = m_counted ? c + 1 : 0;
                if (to >= layers)
                    continue;
                for (int64_t R = 0; R < H; ++R) {
                    const double sent = best[size_t(c)][size_t(R)];
                    if (sent == kInfinity)
                        continue;
                    for (int64_t end = R + 1; end <= H; ++end) {
                        const auto cost =
                            stripCost(m_segment, m_request, *m_fits[i], m_order[i], R, end, sent);
                        if (cost.share.finish_s > T ||
                            (m_request.maxLinkBytes &&
                             linkBytes(cost.share) > *m_request.maxLinkBytes))
                            break; // both only grow with the strip
                        auto &slot = next[size_t(to)][size_t(end)];
                        if (cost.sent_s < slot) {
                            slot = cost.sent_s;
                            from[i][size_t(to)][size_t(end)] = R;
                        }
                    }
                }
            }
            best = std::move(next);
        }
        for (int c = m_counted ? m_min : 0; c < layers; ++c)
            if (best[size_t(c)][size_t(H)] < kInfinity)
                return rowsFrom(from, c);
        return std::nullopt;
    }

private:
    std::vector<int64_t> rowsFrom(const std::vector<std::vector<std::vector<int64_t>>> &from,
                                  int c) const
    {
        std::vector<int64_t> rows(m_order.size(), 0);
        int64_t R = m_segment.rows();
        for (size_t i = m_order.size(); i-- > 0;) {
            const int64_t begin = from[i][size_t(c)][size_t(R)];
            rows[i] = R - begin;
            if (rows[i] > 0 && m_counted)
                --c;
            R = begin;
        }
        return rows;
    }

    const SegmentRows &m_segment;
    const ClusterRequest &m_request;
    std::vector<int> m_order;
    std::vector<const RowCost *> m_fits;
    int m_min;
    int m_max;
    bool m_counted;
};

/// The least makespan on one segment: bisection on T, each step a feasibility search.
std::optional<ClusterPlan> bestOnSegment(const SegmentRows &segment, const ClusterRequest &request,
                                         const std::vector<int> &taking)
{
    auto order = sendOrder(request, segment);
    order.erase(std::remove_if(order.begin(), order.end(),
                               [&](int d) {
                                   return std::find(taking.begin(), taking.end(), d) ==
                                          taking.end();
                               }),
                order.end());
    const int most = request.devicesMax > 0 ? request.devicesMax : int(order.size());
    if (request.devicesMin > segment.rows())
        throw ClusterError({ClusterProblem::Kind::MoreDevicesThanRows,
                            {},
                            request.devicesMin,
                            0,
                            segment.rows(),
                            segment.end});
    const SegmentSearch search(segment, request, order, request.devicesMin, most);

    // An upper bound that is feasible unless the demands exclude every partition.
    double hi = 1.0;
    auto rows = search.feasible(hi);
    for (int i = 0; i < 40 && !rows; ++i)
        rows = search.feasible(hi *= 4);
    if (!rows)
        return std::nullopt;
    double lo = 0;
    while (hi - lo > 1e-9 + 1e-7 * hi) {
        const double mid = (lo + hi) / 2;
        if (auto found = search.feasible(mid)) {
            hi = mid;
            rows = std::move(found);
        } else {
            lo = mid;
        }
    }
    return evaluate(segment, request, order, *rows);
}

} // namespace

std::vector<int> sendOrder(const ClusterRequest &request, const SegmentRows &segment)
{
    std::vector<int> order(request.devices.size());
    std::iota(order.begin(), order.end(), 0);
    const auto speed = [&](int d) { return request.devices[size_t(d)].speed(segment.end); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if ((a == request.source) != (b == request.source))
            return a == request.source;
        if (speed(a) != speed(b))
            return speed(a) > speed(b);
        return request.devices[size_t(a)].name < request.devices[size_t(b)].name;
    });
    return order;
}

ClusterPlan evaluate(const SegmentRows &segment, const ClusterRequest &request,
                     const std::vector<int> &order, const std::vector<int64_t> &rows)
{
    ClusterPlan plan;
    plan.first = segment.first;
    plan.end = segment.end;
    double sent = 0;
    int64_t begin = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (rows[i] <= 0)
            continue;
        const auto cost = stripCost(segment, request, fitOf(request, order[i], segment.end),
                                    order[i], begin, begin + rows[i], sent);
        sent = cost.sent_s;
        begin += rows[i];
        plan.makespan_s = std::max(plan.makespan_s, cost.share.finish_s);
        plan.shares.push_back(cost.share);
    }
    plan.rest_s = restOf(request, segment.end);
    plan.return_s = returnLeg(request);
    plan.total_s = plan.makespan_s + plan.rest_s + plan.return_s;
    return plan;
}

ClusterPlan evaluateByDevice(const SegmentRows &segment, const ClusterRequest &request,
                             const std::vector<int64_t> &rowsByDevice)
{
    const auto order = sendOrder(request, segment);
    std::vector<int64_t> rows;
    for (int d : order)
        rows.push_back(rowsByDevice.at(size_t(d)));
    return evaluate(segment, request, order, rows);
}

std::string rowsText(const std::vector<int64_t> &rowsByDevice)
{
    std::string text;
    for (const auto r : rowsByDevice)
        text += (text.empty() ? "" : "/") + std::to_string(r);
    return text;
}

ClusterPlan planCluster(const std::vector<SegmentRows> &segments, const ClusterRequest &request)
{
    const auto taking = participants(request);
    std::optional<ClusterPlan> best;
    std::optional<ClusterProblem> missing;
    const SegmentRows *fewRows = nullptr;
    bool tried = false;
    for (const auto &segment : segments) {
        if (request.segmentEnd && segment.end != *request.segmentEnd)
            continue;
        if (!request.segmentEnd && segment.rows() < request.devicesMin) {
            fewRows = fewRows ? fewRows : &segment;
            continue; // too few rows for the devices asked for
        }
        const double floor = restOf(request, segment.end) + returnLeg(request);
        if (best && floor >= best->total_s)
            continue; // the rest alone takes longer than the best plan
        const auto without = std::find_if(taking.begin(), taking.end(), [&](int d) {
            return !request.devices[size_t(d)].strips.count(segment.end);
        });
        if (without != taking.end()) {
            missing = ClusterProblem{ClusterProblem::Kind::NoStripTimings,
                                     request.devices[size_t(*without)].name,
                                     0,
                                     0,
                                     0,
                                     segment.end};
            continue;
        }
        tried = true;
        auto plan = bestOnSegment(segment, request, taking);
        if (plan && (!best || plan->total_s < best->total_s))
            best = std::move(plan);
    }
    if (best)
        return *best;
    if (!tried && missing)
        throw ClusterError(*missing);
    if (!tried && fewRows)
        throw ClusterError({ClusterProblem::Kind::MoreDevicesThanRows,
                            {},
                            request.devicesMin,
                            0,
                            fewRows->rows(),
                            fewRows->end});
    if (!tried && request.segmentEnd)
        throw ClusterError({ClusterProblem::Kind::NotRowLocal,
                            {},
                            0,
                            0,
                            segments.empty() ? 0 : segments.back().end,
                            *request.segmentEnd});
    if (!tried)
        throw ClusterError(
            {ClusterProblem::Kind::NoStripTimings, request.devices[size_t(taking.front())].name});
    throw ClusterError({ClusterProblem::Kind::LinkBytes, {}, request.maxLinkBytes.value_or(0)});
}

ClusterPlan edgeDiPlan(const SegmentRows &segment, const ClusterRequest &request)
{
    const auto taking = participants(request);
    auto order = sendOrder(request, segment);
    order.erase(std::remove_if(order.begin(), order.end(),
                               [&](int d) {
                                   return std::find(taking.begin(), taking.end(), d) ==
                                          taking.end();
                               }),
                order.end());
    // Rows in proportion to each device's speed (largest remainders rounded up).
    const int64_t H = segment.rows();
    std::vector<double> speeds;
    for (int d : order)
        speeds.push_back(request.devices[size_t(d)].speed(segment.end));
    const double total = std::accumulate(speeds.begin(), speeds.end(), 0.0);
    std::vector<int64_t> rows(order.size());
    std::vector<std::pair<double, size_t>> remainders;
    int64_t given = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        const double exact = double(H) * speeds[i] / total;
        rows[i] = int64_t(std::floor(exact));
        given += rows[i];
        remainders.emplace_back(exact - double(rows[i]), i);
    }
    std::sort(remainders.rbegin(), remainders.rend());
    for (size_t k = 0; given < H; ++k, ++given)
        ++rows[remainders[k % remainders.size()].second];

    // One row at a time from the device that finishes last to the one that finishes first.
    auto plan = evaluate(segment, request, order, rows);
    for (int64_t step = 0; step < H * int64_t(order.size()); ++step) {
        std::vector<double> finish(order.size(), 0.0);
        for (const auto &share : plan.shares)
            for (size_t i = 0; i < order.size(); ++i)
                if (order[i] == share.device)
                    finish[i] = share.finish_s;
        const size_t slowest =
            size_t(std::max_element(finish.begin(), finish.end()) - finish.begin());
        const size_t fastest =
            size_t(std::min_element(finish.begin(), finish.end()) - finish.begin());
        if (slowest == fastest || rows[slowest] == 0)
            break;
        auto moved = rows;
        --moved[slowest];
        ++moved[fastest];
        auto next = evaluate(segment, request, order, moved);
        if (next.makespan_s >= plan.makespan_s)
            break;
        rows = std::move(moved);
        plan = std::move(next);
    }
    return plan;
}

ClusterComparison compareCluster(const std::vector<SegmentRows> &segments,
                                 const ClusterRequest &request)
{
    ClusterComparison c;
    c.cleave = planCluster(segments, request);
    const auto segment = std::find_if(segments.begin(), segments.end(),
                                      [&](const SegmentRows &s) { return s.end == c.cleave.end; });
    c.edgeDi = edgeDiPlan(*segment, request);
    double sumSpeeds = 0;
    double fastest = 0;
    for (int d : participants(request)) {
        const double speed = request.devices[size_t(d)].speed(segment->end);
        sumSpeeds += speed;
        if (speed > fastest) {
            fastest = speed;
            c.fastest = d;
        }
    }
    c.fastestSegment_s = 1.0 / fastest;
    c.bound = sumSpeeds / fastest;
    return c;
}

} // namespace cleave::plan
