// SPDX-License-Identifier: GPL-3.0-or-later
// Width-wise splits: which runs of blocks are row-local, and a standalone TorchScript module for
// one strip of such a run (its rows only, zero padding only at the tensor's real edges).
#include "core/error.h"
#include "core/graph/analysis_p.h"
#include "core/graph/rows.h"

#include <torch/csrc/jit/ir/ir.h>

#include <algorithm>
#include <limits>
#include <set>

namespace cleave::graph {

using torch::jit::Node;
using torch::jit::Value;
namespace aten = c10::aten;
namespace prim = c10::prim;

namespace {

/// What one node of a segment does to rows.
struct NodeRows
{
    enum class Kind {
        Static,      ///< reads no feature map (shape arithmetic, constants): cloned as it is
        Elementwise, ///< output row r needs input row r of every feature map it reads
        Window,      ///< a convolution or pooling over rows: `map`
        RowSlice,    ///< every `map.stride`-th row from a start: `map` (kernel 1)
        RowPad,      ///< rows added above and below (constant_pad_nd): `map` (kernel 1)
        List,        ///< a list of feature maps (for a concatenation)
        Concat,      ///< concatenates a list along channels or width
    };
    Kind kind = Kind::Static;
    RowMap map;
    size_t paddingArg = 0; ///< Window: the [padding_h, padding_w] argument
    double fill = 0.0;     ///< Window, RowPad: what pads the real edges
    int64_t height = 0;    ///< rows of the output feature map
    std::string problem;   ///< set when the node is not row-local: why

    /// Its output rows depend on a window of input rows (`map`).
    bool windowed() const
    {
        return kind == Kind::Window || kind == Kind::RowSlice || kind == Kind::RowPad;
    }
};

const std::set<std::string> &elementwiseOps()
{
    static const std::set<std::string> ops{
        "aten::relu",
        "aten::relu_",
        "aten::relu6",
        "aten::hardtanh",
        "aten::hardtanh_",
        "aten::sigmoid",
        "aten::sigmoid_",
        "aten::tanh",
        "aten::tanh_",
        "aten::silu",
        "aten::silu_",
        "aten::gelu",
        "aten::leaky_relu",
        "aten::leaky_relu_",
        "aten::elu",
        "aten::elu_",
        "aten::hardswish",
        "aten::hardswish_",
        "aten::hardsigmoid",
        "aten::hardsigmoid_",
        "aten::prelu",
        "aten::batch_norm",
        "aten::dropout",
        "aten::dropout_",
        "aten::feature_dropout",
        "aten::clamp",
        "aten::clamp_",
        "aten::clone",
        "aten::contiguous",
        "aten::detach",
        "aten::add",
        "aten::add_",
        "aten::sub",
        "aten::sub_",
        "aten::mul",
        "aten::mul_",
        "aten::div",
        "aten::div_",
        "aten::maximum",
        "aten::minimum",
        "aten::ones_like",
        "aten::zeros_like",
    };
    return ops;
}

std::string whyNotRowLocal(const std::string &op)
{
    if (op.find("adaptive") != std::string::npos || op == "aten::mean" || op == "aten::sum" ||
        op == "aten::amax")
        return "mixes every row of its input";
    if (op == "aten::flatten" || op == "aten::view" || op == "aten::reshape" ||
        op == "aten::permute" || op == "aten::transpose" || op == "aten::squeeze" ||
        op == "aten::unsqueeze")
        return "reshapes the feature map";
    if (op == "aten::linear" || op == "aten::matmul" || op == "aten::softmax")
        return "mixes the values of a feature map across its rows";
    return "is not an operation whose output rows depend on a window of input rows";
}

int64_t rowsOf(const std::vector<int64_t> &values, int64_t fallback)
{
    return values.empty() ? fallback : values.front();
}

int64_t floorDiv(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// PyTorch's output height for a window (pooling_output_shape, and floor mode for convolution).
int64_t windowRows(int64_t in, const RowMap &m, bool ceil)
{
    const int64_t span = in + 2 * m.padding - m.dilation * (m.kernel - 1) - 1;
    int64_t out = floorDiv(span + (ceil ? m.stride - 1 : 0), m.stride) + 1;
    if (ceil && (out - 1) * m.stride >= in + m.padding)
        --out;
    return out;
}

/// Classifies the nodes of a run of blocks, one after the other, and tracks the height of
/// every feature map they make.
class RowWalker
{
public:
    RowWalker(Value *input, int64_t height) { m_height.emplace(input, height); }

    bool isRow(const Value *v) const { return m_height.count(v) != 0; }
    int64_t height(const Value *v) const { return m_height.at(v); }

    NodeRows classify(Node *node)
    {
        NodeRows rows = classifyKind(node);
        if (rows.problem.empty() && rows.kind != NodeRows::Kind::Static)
            for (Value *out : node->outputs())
                m_height.emplace(out, rows.height);
        return rows;
    }

private:
    static std::optional<std::vector<int64_t>> ints(Value *v)
    {
        const auto value = torch::jit::toIValue(v);
        if (!value || !value->isIntList())
            return std::nullopt;
        return value->toIntVector();
    }

    NodeRows refuse(const std::string &why) const
    {
        NodeRows rows;
        rows.problem = why;
        return rows;
    }

    NodeRows classifyKind(Node *node)
    {
        const std::string op = node->kind().toQualString();
        std::vector<Value *> rowInputs;
        for (Value *in : node->inputs())
            if (isRow(in))
                rowInputs.push_back(in);
        if (rowInputs.empty())
            return classifyStatic(node);
        if (op == "aten::conv2d" || op == "aten::_convolution")
            return classifyConvolution(node, op);
        if (op == "aten::max_pool2d" || op == "aten::avg_pool2d")
            return classifyPooling(node, op);
        if (op == "aten::slice")
            return classifySlice(node, rowInputs);
        if (op == "aten::constant_pad_nd")
            return classifyPad(node, rowInputs);
        if (node->kind() == prim::ListConstruct)
            return classifyElementwise(node, rowInputs, NodeRows::Kind::List);
        if (op == "aten::cat")
            return classifyConcat(node);
        if (elementwiseOps().count(op))
            return classifyElementwise(node, rowInputs, NodeRows::Kind::Elementwise);
        return refuse(whyNotRowLocal(op));
    }

    NodeRows classifyStatic(Node *node) const
    {
        for (Value *in : node->inputs())
            if (in->node()->kind() != prim::Constant && !m_static.count(in))
                return refuse("reads a value computed before the run of blocks");
        if (node->hasSideEffects())
            return refuse("has side effects");
        for (Value *out : node->outputs())
            m_static.insert(out);
        return {};
    }

    NodeRows classifyConvolution(Node *node, const std::string &op)
    {
        if (!isRow(node->input(0)))
            return refuse("convolves a feature map with another");
        if (op == "aten::_convolution") {
            const auto transposed = torch::jit::toIValue(node->input(6));
            if (!transposed || transposed->toBool())
                return refuse("is a transposed convolution");
        }
        const auto weight = torch::jit::toIValue(node->input(1));
        if (!weight || !weight->isTensor() || weight->toTensor().dim() != 4)
            return refuse("has no constant 2-D convolution weight");
        const auto stride = ints(node->input(3));
        const auto padding = ints(node->input(4));
        const auto dilation = ints(node->input(5));
        if (!padding)
            return refuse("takes its padding as a string ('same' or 'valid')");
        if (!stride || !dilation)
            return refuse("has a stride or dilation that is not constant");
        NodeRows rows;
        rows.kind = NodeRows::Kind::Window;
        rows.map = {weight->toTensor().size(2), rowsOf(*stride, 1), rowsOf(*padding, 0),
                    rowsOf(*dilation, 1)};
        rows.paddingArg = 4;
        rows.height = windowRows(height(node->input(0)), rows.map, false);
        return rows;
    }

    NodeRows classifyPooling(Node *node, const std::string &op)
    {
        if (!isRow(node->input(0)))
            return refuse("pools something other than a feature map");
        const bool max = op == "aten::max_pool2d";
        const auto kernel = ints(node->input(1));
        const auto stride = ints(node->input(2));
        const auto padding = ints(node->input(3));
        const auto dilation = max ? ints(node->input(4)) : std::vector<int64_t>{1};
        const auto ceil = torch::jit::toIValue(node->input(max ? 5 : 4));
        if (!kernel || kernel->empty() || !stride || !padding || !dilation || !ceil)
            return refuse("has a window that is not constant");
        NodeRows rows;
        rows.kind = NodeRows::Kind::Window;
        rows.map = {rowsOf(*kernel, 1), rowsOf(*stride, rowsOf(*kernel, 1)), rowsOf(*padding, 0),
                    rowsOf(*dilation, 1)};
        rows.paddingArg = 3;
        rows.fill = max ? -std::numeric_limits<double>::infinity() : 0.0;
        const int64_t in = height(node->input(0));
        rows.height = windowRows(in, rows.map, ceil->toBool());
        if (max)
            return rows;
        // Average pooling divides by the window clipped to the padded input: explicit zero rows
        // give the same sums only while no window is clipped and padding counts.
        const auto countPadding = torch::jit::toIValue(node->input(5));
        const auto divisor = torch::jit::toIValue(node->input(6));
        if (!divisor || !divisor->isNone())
            return refuse("overrides its divisor");
        if (rows.map.padding > 0 && (!countPadding || !countPadding->toBool()))
            return refuse("leaves its padding out of the average (count_include_pad=False)");
        const auto lastWindowEnd =
            (rows.height - 1) * rows.map.stride - rows.map.padding + rows.map.kernel;
        if (lastWindowEnd > in + rows.map.padding)
            return refuse("averages a last window that hangs over the bottom edge (ceil_mode)");
        return rows;
    }

    /// Dimension `dim` of a feature map (NxCxHxW) as a non-negative index; none when not constant.
    static std::optional<int64_t> dimension(Value *dim)
    {
        const auto value = torch::jit::toIValue(dim);
        if (!value || !value->isInt())
            return std::nullopt;
        return value->toInt() < 0 ? value->toInt() + 4 : value->toInt();
    }

    /// An optional int argument: `fallback` for None, counted from `height` when negative,
    /// clamped to [0, height]; none when not constant.
    static std::optional<int64_t> rowIndex(Value *v, int64_t fallback, int64_t height)
    {
        const auto value = torch::jit::toIValue(v);
        if (!value)
            return std::nullopt;
        if (value->isNone())
            return fallback;
        if (!value->isInt())
            return std::nullopt;
        const int64_t index = value->toInt() < 0 ? value->toInt() + height : value->toInt();
        return std::clamp<int64_t>(index, 0, height);
    }

    NodeRows classifySlice(Node *node, const std::vector<Value *> &rowInputs)
    {
        if (!isRow(node->input(0)))
            return refuse("slices something other than a feature map");
        const auto dim = dimension(node->input(1));
        if (!dim)
            return refuse("slices along a dimension that is not constant");
        if (*dim != 2)
            return classifyElementwise(node, rowInputs, NodeRows::Kind::Elementwise);
        const int64_t in = height(node->input(0));
        const auto start = rowIndex(node->input(2), 0, in);
        const auto end = rowIndex(node->input(3), in, in);
        const auto step = torch::jit::toIValue(node->input(4));
        if (!start || !end || !step || !step->isInt())
            return refuse("slices rows at bounds that are not constant");
        if (step->toInt() < 1)
            return refuse("slices rows with a step below one");
        if (*end <= *start)
            return refuse("slices away every row");
        NodeRows rows;
        rows.kind = NodeRows::Kind::RowSlice;
        rows.map = {1, step->toInt(), -*start, 1};
        rows.height = (*end - *start + step->toInt() - 1) / step->toInt();
        return rows;
    }

    NodeRows classifyPad(Node *node, const std::vector<Value *> &rowInputs)
    {
        if (!isRow(node->input(0)))
            return refuse("pads something other than a feature map");
        const auto pad = ints(node->input(1));
        const auto value = torch::jit::toIValue(node->input(2));
        if (!pad || !value || !value->isScalar())
            return refuse("pads by amounts that are not constant");
        if (pad->size() < 4)
            return classifyElementwise(node, rowInputs, NodeRows::Kind::Elementwise);
        if ((*pad)[2] < 0 || (*pad)[3] < 0)
            return refuse("crops rows (negative padding)");
        if (pad->size() > 4)
            return refuse("pads more than the rows and columns");
        NodeRows rows;
        rows.kind = NodeRows::Kind::RowPad;
        rows.map = {1, 1, (*pad)[2], 1};
        rows.fill = value->toScalar().toDouble();
        rows.height = height(node->input(0)) + (*pad)[2] + (*pad)[3];
        return rows;
    }

    NodeRows classifyElementwise(Node *node, const std::vector<Value *> &rowInputs,
                                 NodeRows::Kind kind) const
    {
        const int64_t rows = height(rowInputs.front());
        for (Value *in : rowInputs)
            if (height(in) != rows)
                return refuse("combines feature maps of different heights");
        for (Value *in : node->inputs()) {
            if (isRow(in) || !in->type()->isSubtypeOf(*c10::TensorType::get()))
                continue;
            const auto constant = torch::jit::toIValue(in);
            if (!constant || !constant->isTensor())
                return refuse("reads a tensor that is not a feature map or a constant");
            const auto &t = constant->toTensor();
            if (t.dim() >= 2 && t.size(t.dim() - 2) != 1)
                return refuse("reads a constant that varies along the rows");
        }
        const std::string op = node->kind().toQualString();
        if (op.back() == '_' && rowInputs.front()->uses().size() > 1)
            return refuse("changes in place a feature map that other operations read");
        NodeRows result;
        result.kind = kind;
        result.height = rows;
        return result;
    }

    NodeRows classifyConcat(Node *node) const
    {
        if (!isRow(node->input(0)) || node->input(0)->node()->kind() != prim::ListConstruct)
            return refuse("concatenates something other than a list of feature maps");
        const auto dim = torch::jit::toIValue(node->input(1));
        if (!dim || !dim->isInt())
            return refuse("concatenates along a dimension that is not constant");
        if (dim->toInt() == 2 || dim->toInt() == -2)
            return refuse("concatenates along the rows");
        NodeRows rows;
        rows.kind = NodeRows::Kind::Concat;
        rows.height = height(node->input(0));
        return rows;
    }

    std::unordered_map<const Value *, int64_t> m_height;
    mutable std::set<const Value *> m_static;
};

int64_t heightOf(const Cut &cut)
{
    return cut.single() && cut.shape().size() == 4 ? cut.shape()[2] : -1;
}

} // namespace

RowLocalRun ModelGraph::rowLocalRun(int cut) const
{
    const int k = blockCount();
    if (cut < 0 || cut > k)
        throw Error(ErrorKind::InvalidInput, d->name + ": cut " + std::to_string(cut) +
                                                 " is outside 0.." + std::to_string(k));
    const Cut &at = d->cuts[size_t(cut)];
    requireOneTensor(cut, "a strip");
    Value *from = d->cutValues[size_t(cut)].front();
    if (heightOf(at) < 0)
        throw Error(ErrorKind::InvalidInput,
                    d->name + ": the tensor at cut " + std::to_string(cut) + " is " +
                        formatShape(at.shape()) +
                        ", not NxCxHxW: only feature maps split into rows");

    RowLocalRun run;
    run.first = run.end = cut;
    run.heights.push_back(heightOf(at));
    RowWalker walker(from, heightOf(at));
    for (int b = cut; b < k; ++b) {
        // Each feature map's rows against the block's input rows.
        std::unordered_map<const Value *, RowMap> maps{{d->cutValues[size_t(b)].front(), RowMap{}}};
        for (size_t p = d->cutPositions[size_t(b)]; p < d->cutPositions[size_t(b) + 1]; ++p) {
            Node *node = d->nodes[p];
            const NodeRows rows = walker.classify(node);
            std::optional<RowMap> map;
            if (rows.problem.empty() && rows.kind != NodeRows::Kind::Static) {
                for (Value *in : node->inputs()) {
                    const auto found = maps.find(in);
                    if (found == maps.end())
                        continue;
                    const RowMap through =
                        rows.windowed() ? found->second.then(rows.map) : found->second;
                    map = map ? map->unitedWith(through) : through;
                    if (!map)
                        break;
                }
            }
            if (!rows.problem.empty() || (rows.kind != NodeRows::Kind::Static && !map)) {
                run.stop = NotRowLocal{b, d->blocks[size_t(b)].label, node->kind().toQualString(),
                                       rows.problem.empty()
                                           ? "adds branches that stride over rows differently"
                                           : rows.problem};
                return run;
            }
            if (map)
                for (Value *out : node->outputs())
                    maps.emplace(out, *map);
        }
        // A run goes from one feature map to the next: it ends where several tensors cross.
        if (!d->cuts[size_t(b) + 1].single()) {
            run.stop = NotRowLocal{b, d->blocks[size_t(b)].label, d->cuts[size_t(b) + 1].op,
                                   "leaves several tensors crossing the cut"};
            return run;
        }
        Value *output = d->cutValues[size_t(b) + 1].front();
        if (heightOf(d->cuts[size_t(b) + 1]) < 0 || !walker.isRow(output)) {
            run.stop =
                NotRowLocal{b, d->blocks[size_t(b)].label, output->node()->kind().toQualString(),
                            "does not return a feature map"};
            return run;
        }
        if (walker.height(output) != heightOf(d->cuts[size_t(b) + 1]))
            throw Error(ErrorKind::Internal, d->name + ": rows of cut " + std::to_string(b + 1) +
                                                 " computed as " +
                                                 std::to_string(walker.height(output)));
        run.blocks.push_back(maps.at(output));
        run.heights.push_back(walker.height(output));
        run.end = b + 1;
    }
    return run;
}

namespace {

/// The checked run of blocks [first, end) and the rows asked of it.
RowLocalRun checkedSegment(const ModelGraph &graph, int first, int end, const RowRange &out)
{
    if (end <= first)
        throw Error(ErrorKind::InvalidInput, graph.name() + ": the segment [" +
                                                 std::to_string(first) + ", " +
                                                 std::to_string(end) + ") holds no block");
    auto run = graph.rowLocalRun(first);
    if (end > run.end)
        throw Error(ErrorKind::InvalidInput,
                    graph.name() + ": blocks [" + std::to_string(first) + ", " +
                        std::to_string(end) + ") cannot be split into rows: " +
                        (run.stop ? run.stop->describe() : std::string("past the output")));
    const int64_t rows = graph.cuts()[size_t(end)].shape()[2];
    if (out.empty())
        throw Error(ErrorKind::InvalidInput, graph.name() + ": a strip needs at least one row");
    if (out.begin < 0 || out.end > rows)
        throw Error(ErrorKind::InvalidInput, graph.name() + ": rows [" + std::to_string(out.begin) +
                                                 ", " + std::to_string(out.end) +
                                                 ") are outside the " + std::to_string(rows) +
                                                 " rows of cut " + std::to_string(end));
    return run;
}

/// The arguments of a windowed node that change in a strip, which is handed exactly the rows
/// its window reads (padded by hand at real edges only): its row padding goes, and a row slice
/// starts at the strip's first row.
std::vector<std::pair<size_t, Value *>> localArguments(torch::jit::Graph &graph, Node *node,
                                                       const NodeRows &r)
{
    std::vector<std::pair<size_t, Value *>> arguments;
    if (r.kind == NodeRows::Kind::Window) {
        // Columns keep their padding. A ceil mode stays: over exactly the window's rows it
        // yields exactly the rows asked.
        const auto padding = torch::jit::toIValue(node->input(r.paddingArg))->toIntVector();
        const int64_t columns = padding.size() > 1 ? padding[1] : padding.front();
        arguments.emplace_back(r.paddingArg,
                               graph.insertConstant(std::vector<int64_t>{0, columns}));
    } else if (r.kind == NodeRows::Kind::RowSlice) {
        arguments.emplace_back(2, graph.insertConstant(int64_t(0)));
        arguments.emplace_back(3, graph.insertConstant(std::numeric_limits<int64_t>::max()));
    } else if (r.kind == NodeRows::Kind::RowPad) {
        auto pad = torch::jit::toIValue(node->input(1))->toIntVector();
        pad[2] = pad[3] = 0;
        arguments.emplace_back(1, graph.insertConstant(pad));
    }
    return arguments;
}

} // namespace

RowRange ModelGraph::stripInput(int first, int end, const RowRange &out) const
{
    return checkedSegment(*this, first, end, out).inputRows(end, out);
}

torch::jit::Module ModelGraph::strip(int first, int end, const RowRange &out) const
{
    const auto run = checkedSegment(*this, first, end, out);
    const RowRange given = run.inputRows(end, out);

    // Forward: what each node does to rows and how tall its feature maps are.
    const size_t begin = d->cutPositions[size_t(first)];
    const size_t stop = d->cutPositions[size_t(end)];
    requireOneTensor(first, "a strip");
    requireOneTensor(end, "a strip");
    Value *from = d->cutValues[size_t(first)].front();
    Value *to = d->cutValues[size_t(end)].front();
    RowWalker walker(from, d->cuts[size_t(first)].shape()[2]);
    std::vector<NodeRows> rows;
    for (size_t p = begin; p < stop; ++p)
        rows.push_back(walker.classify(d->nodes[p]));

    // Backward: the rows each node computes (clipped) and the rows it asks of each input (not
    // clipped: what lies outside the input is padding at a real edge).
    std::unordered_map<const Value *, RowRange> needed{{to, out}};
    std::vector<RowRange> computes(rows.size());
    std::vector<RowRange> asks(rows.size());
    for (size_t i = rows.size(); i-- > 0;) {
        const Node *node = d->nodes[begin + i];
        if (rows[i].kind == NodeRows::Kind::Static)
            continue;
        RowRange range;
        for (const Value *o : node->outputs())
            if (const auto found = needed.find(o); found != needed.end())
                range = range.unitedWith(found->second);
        computes[i] = range.clippedTo(rows[i].height);
        if (computes[i].empty())
            continue;
        asks[i] = rows[i].windowed() ? rows[i].map.needs(computes[i]) : computes[i];
        for (const Value *in : node->inputs())
            if (walker.isRow(in))
                needed[in] = needed[in].unitedWith(asks[i].clippedTo(walker.height(in)));
    }

    auto module = newModule();
    auto graph = std::make_shared<torch::jit::Graph>();
    graph->addInput("self")->setType(module.type());
    Value *input = graph->addInput("x");
    input->setType(from->type());

    std::unordered_map<const Value *, Value *> env{{from, input}};
    std::unordered_map<const Value *, RowRange> produced{{from, given}};
    const std::function<Value *(Value *)> lookup = [&](Value *v) -> Value * {
        if (const auto found = env.find(v); found != env.end())
            return found->second;
        if (v->node()->kind() != prim::Constant)
            throw Error(ErrorKind::Internal,
                        d->name + ": value %" + v->debugName() + " reaches into a strip");
        Value *mapped = graph->appendNode(graph->createClone(v->node(), lookup))->output();
        env.emplace(v, mapped);
        return mapped;
    };
    // Rows `want` of feature map `v` (unclipped: rows past its edges are filled with `fill`).
    const auto takeRows = [&](const Value *v, const RowRange &want, double fill) {
        Value *x = env.at(v);
        const RowRange has = produced.at(v);
        const RowRange real = want.clippedTo(walker.height(v));
        if (real != has)
            x = graph->insert(aten::slice, {x, 2, real.begin - has.begin, real.end - has.begin, 1});
        if (real != want)
            x = graph->insert(
                aten::constant_pad_nd,
                {x, std::vector<int64_t>{0, 0, real.begin - want.begin, want.end - real.end},
                 fill});
        return x;
    };

    for (size_t i = 0; i < rows.size(); ++i) {
        Node *node = d->nodes[begin + i];
        const NodeRows &r = rows[i];
        if (r.kind != NodeRows::Kind::Static && computes[i].empty())
            continue;
        std::vector<std::pair<size_t, Value *>> replaced;
        if (r.windowed() || r.kind == NodeRows::Kind::Elementwise || r.kind == NodeRows::Kind::List)
            for (size_t a = 0; a < node->inputs().size(); ++a)
                if (walker.isRow(node->input(a)))
                    replaced.emplace_back(a, takeRows(node->input(a), asks[i], r.fill));
        for (auto &argument : localArguments(*graph, node, r))
            replaced.push_back(argument);
        Node *copy = graph->appendNode(graph->createClone(node, lookup));
        for (const auto &[a, v] : replaced)
            copy->replaceInput(a, v);
        const RowRange made =
            r.kind == NodeRows::Kind::Concat ? produced.at(node->input(0)) : computes[i];
        for (size_t o = 0; o < node->outputs().size(); ++o) {
            env.emplace(node->output(o), copy->output(o));
            if (r.kind != NodeRows::Kind::Static)
                produced.emplace(node->output(o), made);
        }
    }
    graph->registerOutput(takeRows(to, out, 0.0));
    setForward(module, graph);
    return module;
}

} // namespace cleave::graph
