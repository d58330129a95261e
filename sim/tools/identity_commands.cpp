// whoami and id: who the tool's process runs as (docker run/exec --user, the image's USER),
// in the userland's words. coreutils: "whoami: cannot find name for user ID 1000"; busybox:
// "whoami: unknown uid 1000". id prints uid=N(name) gid=N(group) groups=... the same way in
// both (a name left out when the id has none).
#include "sim/tools/commands.hpp"

namespace sim::tools {

ToolResult runWhoami(ToolContext& ctx, const Args& argv) {
    if (argv.size() > 1)
        return failure(ctx.flavor == Flavor::Busybox ? "docknet: whoami: options are not modelled\n"
                                                     : "whoami: extra operand '" + argv[1] + "'\nTry 'whoami --help' for more information.\n",
                       ctx.flavor == Flavor::Busybox ? 127 : 1);
    if (ctx.userName.empty())
        return failure(ctx.flavor == Flavor::Busybox ? "whoami: unknown uid " + std::to_string(ctx.uid) + "\n"
                                                     : "whoami: cannot find name for user ID " + std::to_string(ctx.uid) + "\n",
                       1);
    return ok(ctx.userName + "\n");
}

ToolResult runId(ToolContext& ctx, const Args& argv) {
    if (argv.size() > 1) return failure("docknet: id: options and user names are not modelled\n", 127);
    auto named = [](int n, const std::string& name) { return std::to_string(n) + (name.empty() ? "" : "(" + name + ")"); };
    std::string out = "uid=" + named(ctx.uid, ctx.userName) + " gid=" + named(ctx.gid, ctx.groupName) +
                      " groups=" + named(ctx.gid, ctx.groupName);
    for (const auto& [gid, name] : ctx.extraGroups) out += "," + named(gid, name);
    return ok(out + "\n");
}

}  // namespace sim::tools
