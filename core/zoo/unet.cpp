// SPDX-License-Identifier: GPL-3.0-or-later
// U-Net: an encoder-decoder whose decoder concatenates the encoder's feature maps (the skip
// connections), so no single tensor crosses the middle of the network.
#include "core/zoo/architectures_p.h"

namespace cleave::zoo::arch {

using torch::jit::Module;

namespace {

// (convolution 3x3 => BatchNorm => ReLU) twice.
Module doubleConv(Builder &b, int in, int out)
{
    return b.module(
        "DoubleConv", "    return self.double_conv.forward(x)\n",
        {{"double_conv", b.sequential({b.conv(in, out, 3, 1, 1), b.batchNorm(out), b.relu(),
                                       b.conv(out, out, 3, 1, 1), b.batchNorm(out), b.relu()})}});
}

// Max pooling by two, then a double convolution.
Module down(Builder &b, int in, int out)
{
    return b.module("Down", "    return self.conv.forward(torch.max_pool2d(x, [2, 2], [2, 2]))\n",
                    {{"conv", doubleConv(b, in, out)}});
}

// Transposed convolution by two, padded to the skip connection's size where the encoder's
// pooling dropped an odd row or column, concatenated after it, then a double convolution.
Module up(Builder &b, int in, int out)
{
    return b.module("Up",
                    "    x = self.up.forward(x)\n"
                    "    dy = skip.size(2) - x.size(2)\n"
                    "    dx = skip.size(3) - x.size(3)\n"
                    "    x = torch.constant_pad_nd(x, [dx // 2, dx - dx // 2, dy // 2, "
                    "dy - dy // 2], 0.0)\n"
                    "    return self.conv.forward(torch.cat([skip, x], 1))\n",
                    {{"up", b.convTranspose(in, in / 2, 2, 2)}, {"conv", doubleConv(b, in, out)}},
                    {}, {}, {}, "x, skip");
}

} // namespace

Module unet(Builder &b, int classes)
{
    return b.module("UNet",
                    "    x1 = self.inc.forward(x)\n"
                    "    x2 = self.down1.forward(x1)\n"
                    "    x3 = self.down2.forward(x2)\n"
                    "    x4 = self.down3.forward(x3)\n"
                    "    x5 = self.down4.forward(x4)\n"
                    "    x = self.up1.forward(x5, x4)\n"
                    "    x = self.up2.forward(x, x3)\n"
                    "    x = self.up3.forward(x, x2)\n"
                    "    x = self.up4.forward(x, x1)\n"
                    "    return self.outc.forward(x)\n",
                    {{"inc", doubleConv(b, 3, 32)},
                     {"down1", down(b, 32, 64)},
                     {"down2", down(b, 64, 128)},
                     {"down3", down(b, 128, 256)},
                     {"down4", down(b, 256, 512)},
                     {"up1", up(b, 512, 256)},
                     {"up2", up(b, 256, 128)},
                     {"up3", up(b, 128, 64)},
                     {"up4", up(b, 64, 32)},
                     {"outc", b.conv(32, classes, 1, 1, 0, 1, /*bias=*/true)}});
}

} // namespace cleave::zoo::arch
