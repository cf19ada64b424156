// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/flowgraph.h"

#include "core/error.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace cleave::gui {

FlowGraph flowGraph(const std::vector<std::string> &labels, const std::vector<std::string> &details,
                    const graph::DataFlow &flow)
{
    FlowGraph g;
    g.boxes.push_back({"input", "the model input"});
    for (size_t b = 0; b < labels.size(); ++b)
        g.boxes.push_back({labels[b], b < details.size() ? details[b] : std::string()});
    std::map<std::pair<int, int>, int64_t> bytes;
    for (const auto &tensor : flow.tensors)
        for (const int consumer : tensor.consumers)
            bytes[{FlowGraph::boxOf(tensor.producer), FlowGraph::boxOf(consumer)}] += tensor.bytes;
    std::map<std::pair<int, int>, int> edgeOf;
    for (const auto &[ends, sum] : bytes) {
        edgeOf[ends] = int(g.edges.size());
        g.edges.push_back({ends.first, ends.second, sum});
    }
    for (const auto &tensor : flow.tensors) {
        if (tensor.consumers.empty())
            continue; // the output alone: it crosses no split
        const int from = FlowGraph::boxOf(tensor.producer);
        const int last = FlowGraph::boxOf(tensor.consumers.back());
        g.tensors.push_back({from, last, tensor.bytes, edgeOf.at({from, last})});
    }
    return g;
}

namespace {

// Graphviz keeps global state (its error handler, cgraph's defaults): one layout at a time.
std::mutex g_graphviz;
std::string g_errors;

int collectError(char *message)
{
    g_errors += message;
    return 0;
}

void set(void *object, const char *name, const std::string &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.c_str()),
              const_cast<char *>(""));
}

// Boxes as wide as their label wants in a 9-point sans-serif font (about 5.5 points a
// character), 24 points tall; sizes in inches, as Graphviz takes them.
std::string boxWidth(const std::string &label)
{
    const double points = std::clamp(double(label.size()) * 5.5 + 16.0, 48.0, 220.0);
    return std::to_string(points / 72.0);
}

// dot's rank assignment and crossing minimisation grow quickly with long edges (a dense
// block's concatenation reads every earlier map); bounded iterations keep a large graph to
// seconds, at some cost in crossings.
void limitIterations(Agraph_t *g, size_t edges)
{
    if (edges < 2000)
        return;
    set(g, "nslimit", "2");
    set(g, "nslimit1", "2");
    set(g, "mclimit", "0.2");
    set(g, "searchsize", "10");
}

FlowLayout::Point toQt(pointf p, double top)
{
    return {p.x, top - p.y};
}

FlowLayout readLayout(Agraph_t *g, const std::vector<Agnode_t *> &nodes,
                      const std::vector<Agedge_t *> &edges)
{
    FlowLayout layout;
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    layout.width = bb.UR.x - bb.LL.x;
    layout.height = bb.UR.y - bb.LL.y;
    for (auto *n : nodes)
        layout.boxes.push_back({toQt(ND_coord(n), top), ND_width(n) * 72.0, ND_height(n) * 72.0});
    for (auto *e : edges) {
        std::vector<FlowLayout::Point> path;
        if (const splines *spl = ED_spl(e); spl && spl->size > 0) {
            const bezier &bz = spl->list[0];
            for (int i = 0; i < bz.size; ++i)
                path.push_back(toQt(bz.list[i], top));
            if (bz.eflag) { // the arrow's tip: a straight last segment
                const auto end = toQt(bz.ep, top);
                const auto last = path.back();
                path.insert(path.end(), {last, end, end});
            }
        }
        layout.edges.push_back(std::move(path));
    }
    return layout;
}

} // namespace

FlowLayout layOut(const FlowGraph &graph)
{
    std::lock_guard lock(g_graphviz);
    g_errors.clear();
    agseterr(AGERR);
    agseterrf(collectError);
    std::unique_ptr<GVC_t, decltype(&gvFreeContext)> gvc(gvContext(), gvFreeContext);
    std::unique_ptr<Agraph_t, decltype(&agclose)> g(
        agopen(const_cast<char *>("flow"), Agdirected, nullptr), agclose);
    set(g.get(), "rankdir", "TB");
    set(g.get(), "nodesep", "0.15");
    set(g.get(), "ranksep", "0.3");
    limitIterations(g.get(), graph.edges.size());
    std::vector<Agnode_t *> nodes;
    for (size_t i = 0; i < graph.boxes.size(); ++i) {
        auto *n = agnode(g.get(), const_cast<char *>(std::to_string(i).c_str()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", boxWidth(graph.boxes[i].label));
        set(n, "height", "0.33");
        nodes.push_back(n);
    }
    std::vector<Agedge_t *> edges;
    for (const auto &e : graph.edges) {
        if (e.from < 0 || e.to < 0 || size_t(std::max(e.from, e.to)) >= nodes.size())
            throw Error(ErrorKind::Internal, "graph layout: an edge names no box");
        edges.push_back(agedge(g.get(), nodes[size_t(e.from)], nodes[size_t(e.to)], nullptr, 1));
    }
    if (gvLayout(gvc.get(), g.get(), "dot") != 0)
        throw Error(ErrorKind::Internal,
                    "graph layout failed: " + (g_errors.empty() ? std::string("no dot layout in "
                                                                              "Graphviz's plugins")
                                                                : g_errors));
    const std::unique_ptr<Agraph_t, std::function<void(Agraph_t *)>> laidOut(
        g.get(), [&gvc](Agraph_t *graph) { gvFreeLayout(gvc.get(), graph); });
    return readLayout(g.get(), nodes, edges);
}

} // namespace cleave::gui
