// SPDX-License-Identifier: GPL-3.0-or-later
// Inception v3 (torchvision) and Inception-ResNet-v2 (Keras, as the ScissionLite paper used).
#include "core/zoo/architectures_p.h"

namespace cleave::zoo::arch {

using torch::jit::Module;

namespace {

// ---- Inception v3 -------------------------------------------------------------------------

Module basicConv(Builder &b, int in, int out, Pair kernel, Pair stride = 1, Pair padding = 0)
{
    return b.module(
        "BasicConv2d", "    return torch.relu(self.bn.forward(self.conv.forward(x)))\n",
        {{"conv", b.conv(in, out, kernel, stride, padding)}, {"bn", b.batchNorm(out, 0.001)}});
}

Module inceptionA(Builder &b, int in, int poolFeatures)
{
    return b.module(
        "InceptionA",
        "    b1 = self.branch1x1.forward(x)\n"
        "    b5 = self.branch5x5_2.forward(self.branch5x5_1.forward(x))\n"
        "    b3 = self.branch3x3dbl_3.forward(self.branch3x3dbl_2.forward("
        "self.branch3x3dbl_1.forward(x)))\n"
        "    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1]))\n"
        "    return torch.cat([b1, b5, b3, bp], 1)\n",
        {{"branch1x1", basicConv(b, in, 64, 1)},
         {"branch5x5_1", basicConv(b, in, 48, 1)},
         {"branch5x5_2", basicConv(b, 48, 64, 5, 1, 2)},
         {"branch3x3dbl_1", basicConv(b, in, 64, 1)},
         {"branch3x3dbl_2", basicConv(b, 64, 96, 3, 1, 1)},
         {"branch3x3dbl_3", basicConv(b, 96, 96, 3, 1, 1)},
         {"branch_pool", basicConv(b, in, poolFeatures, 1)}});
}

Module inceptionB(Builder &b, int in)
{
    return b.module("InceptionB",
                    "    b3 = self.branch3x3.forward(x)\n"
                    "    bd = self.branch3x3dbl_3.forward(self.branch3x3dbl_2.forward("
                    "self.branch3x3dbl_1.forward(x)))\n"
                    "    bp = torch.max_pool2d(x, [3, 3], [2, 2])\n"
                    "    return torch.cat([b3, bd, bp], 1)\n",
                    {{"branch3x3", basicConv(b, in, 384, 3, 2)},
                     {"branch3x3dbl_1", basicConv(b, in, 64, 1)},
                     {"branch3x3dbl_2", basicConv(b, 64, 96, 3, 1, 1)},
                     {"branch3x3dbl_3", basicConv(b, 96, 96, 3, 2)}});
}

Module inceptionC(Builder &b, int in, int c7)
{
    return b.module(
        "InceptionC",
        "    b1 = self.branch1x1.forward(x)\n"
        "    b7 = self.branch7x7_3.forward(self.branch7x7_2.forward(self.branch7x7_1.forward(x)))\n"
        "    bd = self.branch7x7dbl_1.forward(x)\n"
        "    bd = self.branch7x7dbl_3.forward(self.branch7x7dbl_2.forward(bd))\n"
        "    bd = self.branch7x7dbl_5.forward(self.branch7x7dbl_4.forward(bd))\n"
        "    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1]))\n"
        "    return torch.cat([b1, b7, bd, bp], 1)\n",
        {{"branch1x1", basicConv(b, in, 192, 1)},
         {"branch7x7_1", basicConv(b, in, c7, 1)},
         {"branch7x7_2", basicConv(b, c7, c7, {1, 7}, 1, {0, 3})},
         {"branch7x7_3", basicConv(b, c7, 192, {7, 1}, 1, {3, 0})},
         {"branch7x7dbl_1", basicConv(b, in, c7, 1)},
         {"branch7x7dbl_2", basicConv(b, c7, c7, {7, 1}, 1, {3, 0})},
         {"branch7x7dbl_3", basicConv(b, c7, c7, {1, 7}, 1, {0, 3})},
         {"branch7x7dbl_4", basicConv(b, c7, c7, {7, 1}, 1, {3, 0})},
         {"branch7x7dbl_5", basicConv(b, c7, 192, {1, 7}, 1, {0, 3})},
         {"branch_pool", basicConv(b, in, 192, 1)}});
}

Module inceptionD(Builder &b, int in)
{
    return b.module("InceptionD",
                    "    b3 = self.branch3x3_2.forward(self.branch3x3_1.forward(x))\n"
                    "    b7 = self.branch7x7x3_2.forward(self.branch7x7x3_1.forward(x))\n"
                    "    b7 = self.branch7x7x3_4.forward(self.branch7x7x3_3.forward(b7))\n"
                    "    bp = torch.max_pool2d(x, [3, 3], [2, 2])\n"
                    "    return torch.cat([b3, b7, bp], 1)\n",
                    {{"branch3x3_1", basicConv(b, in, 192, 1)},
                     {"branch3x3_2", basicConv(b, 192, 320, 3, 2)},
                     {"branch7x7x3_1", basicConv(b, in, 192, 1)},
                     {"branch7x7x3_2", basicConv(b, 192, 192, {1, 7}, 1, {0, 3})},
                     {"branch7x7x3_3", basicConv(b, 192, 192, {7, 1}, 1, {3, 0})},
                     {"branch7x7x3_4", basicConv(b, 192, 192, 3, 2)}});
}

Module inceptionE(Builder &b, int in)
{
    return b.module(
        "InceptionE",
        "    b1 = self.branch1x1.forward(x)\n"
        "    b3 = self.branch3x3_1.forward(x)\n"
        "    b3 = torch.cat([self.branch3x3_2a.forward(b3), self.branch3x3_2b.forward(b3)], 1)\n"
        "    bd = self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x))\n"
        "    bd = torch.cat([self.branch3x3dbl_3a.forward(bd), self.branch3x3dbl_3b.forward(bd)], "
        "1)\n"
        "    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1]))\n"
        "    return torch.cat([b1, b3, bd, bp], 1)\n",
        {{"branch1x1", basicConv(b, in, 320, 1)},
         {"branch3x3_1", basicConv(b, in, 384, 1)},
         {"branch3x3_2a", basicConv(b, 384, 384, {1, 3}, 1, {0, 1})},
         {"branch3x3_2b", basicConv(b, 384, 384, {3, 1}, 1, {1, 0})},
         {"branch3x3dbl_1", basicConv(b, in, 448, 1)},
         {"branch3x3dbl_2", basicConv(b, 448, 384, 3, 1, 1)},
         {"branch3x3dbl_3a", basicConv(b, 384, 384, {1, 3}, 1, {0, 1})},
         {"branch3x3dbl_3b", basicConv(b, 384, 384, {3, 1}, 1, {1, 0})},
         {"branch_pool", basicConv(b, in, 192, 1)}});
}

// ---- Inception-ResNet-v2 (Keras) ----------------------------------------------------------

// Keras' conv2d_bn: convolution without bias, BatchNorm without scale (eps 0.001), ReLU.
// "same" padding for stride 1 is kernel / 2; the strided ones are "valid".
Module convBn(Builder &b, int in, int out, Pair kernel, Pair stride = 1, bool same = true)
{
    const Pair padding = same ? Pair(kernel.h / 2, kernel.w / 2) : Pair(0);
    return b.module("Conv2dBn", "    return torch.relu(self.bn.forward(self.conv.forward(x)))\n",
                    {{"conv", b.conv(in, out, kernel, stride, padding)},
                     {"bn", b.batchNorm(out, 0.001, /*scale=*/false)}});
}

Module mixed5b(Builder &b, int in)
{
    // Keras' AveragePooling2D(padding="same") averages over the valid window only.
    return b.module("Mixed5b",
                    "    b0 = self.branch_0.forward(x)\n"
                    "    b1 = self.branch_1b.forward(self.branch_1a.forward(x))\n"
                    "    b2 = self.branch_2c.forward(self.branch_2b.forward("
                    "self.branch_2a.forward(x)))\n"
                    "    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1], "
                    "False, False))\n"
                    "    return torch.cat([b0, b1, b2, bp], 1)\n",
                    {{"branch_0", convBn(b, in, 96, 1)},
                     {"branch_1a", convBn(b, in, 48, 1)},
                     {"branch_1b", convBn(b, 48, 64, 5)},
                     {"branch_2a", convBn(b, in, 64, 1)},
                     {"branch_2b", convBn(b, 64, 96, 3)},
                     {"branch_2c", convBn(b, 96, 96, 3)},
                     {"branch_pool", convBn(b, in, 64, 1)}});
}

// x + scale * up(concat(branches)), then ReLU unless it is the last block.
Module residualBlock(Builder &b, const std::string &kind, int in, double scale, bool activate,
                     Builder::Children branches, const std::string &branchCode, int mixed)
{
    branches.emplace_back("up", b.conv(mixed, in, 1, 1, 0, 1, /*bias=*/true));
    const std::string sum = "x + self.up.forward(mixed) * " + literal(scale);
    return b.module(
        kind, branchCode + "    return " + (activate ? "torch.relu(" + sum + ")" : sum) + "\n",
        branches);
}

Module block35(Builder &b, int in)
{
    return residualBlock(b, "Block35", in, 0.17, true,
                         {{"branch_0", convBn(b, in, 32, 1)},
                          {"branch_1a", convBn(b, in, 32, 1)},
                          {"branch_1b", convBn(b, 32, 32, 3)},
                          {"branch_2a", convBn(b, in, 32, 1)},
                          {"branch_2b", convBn(b, 32, 48, 3)},
                          {"branch_2c", convBn(b, 48, 64, 3)}},
                         "    b0 = self.branch_0.forward(x)\n"
                         "    b1 = self.branch_1b.forward(self.branch_1a.forward(x))\n"
                         "    b2 = self.branch_2c.forward(self.branch_2b.forward("
                         "self.branch_2a.forward(x)))\n"
                         "    mixed = torch.cat([b0, b1, b2], 1)\n",
                         128);
}

Module block17(Builder &b, int in)
{
    return residualBlock(b, "Block17", in, 0.1, true,
                         {{"branch_0", convBn(b, in, 192, 1)},
                          {"branch_1a", convBn(b, in, 128, 1)},
                          {"branch_1b", convBn(b, 128, 160, {1, 7})},
                          {"branch_1c", convBn(b, 160, 192, {7, 1})}},
                         "    b0 = self.branch_0.forward(x)\n"
                         "    b1 = self.branch_1c.forward(self.branch_1b.forward("
                         "self.branch_1a.forward(x)))\n"
                         "    mixed = torch.cat([b0, b1], 1)\n",
                         384);
}

Module block8(Builder &b, int in, double scale, bool activate)
{
    return residualBlock(b, "Block8", in, scale, activate,
                         {{"branch_0", convBn(b, in, 192, 1)},
                          {"branch_1a", convBn(b, in, 192, 1)},
                          {"branch_1b", convBn(b, 192, 224, {1, 3})},
                          {"branch_1c", convBn(b, 224, 256, {3, 1})}},
                         "    b0 = self.branch_0.forward(x)\n"
                         "    b1 = self.branch_1c.forward(self.branch_1b.forward("
                         "self.branch_1a.forward(x)))\n"
                         "    mixed = torch.cat([b0, b1], 1)\n",
                         448);
}

Module mixed6a(Builder &b, int in)
{
    return b.module("Mixed6a",
                    "    b0 = self.branch_0.forward(x)\n"
                    "    b1 = self.branch_1c.forward(self.branch_1b.forward("
                    "self.branch_1a.forward(x)))\n"
                    "    bp = torch.max_pool2d(x, [3, 3], [2, 2])\n"
                    "    return torch.cat([b0, b1, bp], 1)\n",
                    {{"branch_0", convBn(b, in, 384, 3, 2, false)},
                     {"branch_1a", convBn(b, in, 256, 1)},
                     {"branch_1b", convBn(b, 256, 256, 3)},
                     {"branch_1c", convBn(b, 256, 384, 3, 2, false)}});
}

Module mixed7a(Builder &b, int in)
{
    return b.module("Mixed7a",
                    "    b0 = self.branch_0b.forward(self.branch_0a.forward(x))\n"
                    "    b1 = self.branch_1b.forward(self.branch_1a.forward(x))\n"
                    "    b2 = self.branch_2c.forward(self.branch_2b.forward("
                    "self.branch_2a.forward(x)))\n"
                    "    bp = torch.max_pool2d(x, [3, 3], [2, 2])\n"
                    "    return torch.cat([b0, b1, b2, bp], 1)\n",
                    {{"branch_0a", convBn(b, in, 256, 1)},
                     {"branch_0b", convBn(b, 256, 384, 3, 2, false)},
                     {"branch_1a", convBn(b, in, 256, 1)},
                     {"branch_1b", convBn(b, 256, 288, 3, 2, false)},
                     {"branch_2a", convBn(b, in, 256, 1)},
                     {"branch_2b", convBn(b, 256, 288, 3)},
                     {"branch_2c", convBn(b, 288, 320, 3, 2, false)}});
}

/// A root module that runs its children in order, with code between them where needed.
struct Stack
{
    Builder::Children children;
    std::string body;
    void add(const std::string &name, const Module &m)
    {
        children.emplace_back(name, m);
        body += "    x = self." + name + ".forward(x)\n";
    }
    void code(const std::string &line) { body += "    " + line + "\n"; }
};

} // namespace

Module inceptionV3(Builder &b, int classes)
{
    Stack s;
    s.add("Conv2d_1a_3x3", basicConv(b, 3, 32, 3, 2));
    s.add("Conv2d_2a_3x3", basicConv(b, 32, 32, 3));
    s.add("Conv2d_2b_3x3", basicConv(b, 32, 64, 3, 1, 1));
    s.code("x = torch.max_pool2d(x, [3, 3], [2, 2])");
    s.add("Conv2d_3b_1x1", basicConv(b, 64, 80, 1));
    s.add("Conv2d_4a_3x3", basicConv(b, 80, 192, 3));
    s.code("x = torch.max_pool2d(x, [3, 3], [2, 2])");
    s.add("Mixed_5b", inceptionA(b, 192, 32));
    s.add("Mixed_5c", inceptionA(b, 256, 64));
    s.add("Mixed_5d", inceptionA(b, 288, 64));
    s.add("Mixed_6a", inceptionB(b, 288));
    s.add("Mixed_6b", inceptionC(b, 768, 128));
    s.add("Mixed_6c", inceptionC(b, 768, 160));
    s.add("Mixed_6d", inceptionC(b, 768, 160));
    s.add("Mixed_6e", inceptionC(b, 768, 192));
    s.add("Mixed_7a", inceptionD(b, 768));
    s.add("Mixed_7b", inceptionE(b, 1280));
    s.add("Mixed_7c", inceptionE(b, 2048));
    s.code("x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)");
    s.children.emplace_back("fc", b.linear(2048, classes));
    s.code("return self.fc.forward(x)");
    return b.module("Inception3", s.body, s.children);
}

Module inceptionResnetV2(Builder &b, int classes)
{
    Stack s;
    s.add("conv2d_1a", convBn(b, 3, 32, 3, 2, false));
    s.add("conv2d_2a", convBn(b, 32, 32, 3, 1, false));
    s.add("conv2d_2b", convBn(b, 32, 64, 3));
    s.code("x = torch.max_pool2d(x, [3, 3], [2, 2])");
    s.add("conv2d_3b", convBn(b, 64, 80, 1, 1, false));
    s.add("conv2d_4a", convBn(b, 80, 192, 3, 1, false));
    s.code("x = torch.max_pool2d(x, [3, 3], [2, 2])");
    s.add("mixed_5b", mixed5b(b, 192));
    for (int i = 1; i <= 10; ++i)
        s.add("block35_" + std::to_string(i), block35(b, 320));
    s.add("mixed_6a", mixed6a(b, 320));
    for (int i = 1; i <= 20; ++i)
        s.add("block17_" + std::to_string(i), block17(b, 1088));
    s.add("mixed_7a", mixed7a(b, 1088));
    for (int i = 1; i <= 9; ++i)
        s.add("block8_" + std::to_string(i), block8(b, 2080, 0.2, true));
    s.add("block8_10", block8(b, 2080, 1.0, false));
    s.add("conv_7b", convBn(b, 2080, 1536, 1));
    s.code("x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)");
    s.children.emplace_back("predictions", b.linear(1536, classes));
    s.code("return self.predictions.forward(x)");
    return b.module("InceptionResNetV2", s.body, s.children);
}

} // namespace cleave::zoo::arch
