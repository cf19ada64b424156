// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-make-demo FILE.pt: writes the demo model that `make run` inspects.
#include "testmodels.h"

#include "core/error.h"
#include "core/graph/modelgraph.h"

#include <iostream>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: cleave-make-demo FILE.pt\n";
        return 2;
    }
    try {
        cleave::graph::saveModule(cleave::testing::demoModel(), argv[1],
                                  cleave::testing::kDemoInputShape);
    } catch (const cleave::Error &e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
