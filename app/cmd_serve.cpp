// `naqsha serve`: the output directory over HTTP, read-only: the viewer, the layers and the MBTiles
// tiles at /tiles/{layer}/{slice}/{z}/{x}/{y}.png, read straight from the .mbtiles files.
#include "app/command.hpp"
#include "app/exit_codes.hpp"
#include "app/served_paths.hpp"
#include "base/content_hash.hpp"
#include "base/error.hpp"
#include "base/stop_request.hpp"
#include "render/tiles/mbtiles_writer.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

namespace naqsha::app {
namespace {

namespace fs = std::filesystem;

// Every response may change when `naqsha run` writes the directory again, under the same URL: the
// browser keeps a copy but asks first (ETag), and gets 304 Not Modified while it is current.
constexpr const char* cache_policy = "no-cache";

std::string etag_of(std::uintmax_t size, fs::file_time_type modified) {
    return fmt::format("\"{:x}-{:x}\"", size, std::uint64_t(modified.time_since_epoch().count()));
}

std::string etag_of(std::string_view bytes) {
    return '"' + hash_bytes(bytes).hex() + '"'; // a tile's bytes are its version
}

// Sets the validator and answers 304 when the browser's copy is current; true when it did.
bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& etag) {
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", cache_policy);
    if (req.get_header_value("If-None-Match") != etag) return false;
    res.status = 304;
    return true;
}

void refuse(httplib::Response& res, int status, std::string_view why) {
    res.status = status;
    res.set_content(std::string(why) + "\n", "text/plain; charset=utf-8");
}

class serve_command final : public command {
public:
    void declare(CLI::App& sub) override {
        sub.description("Serve an output directory over HTTP, read-only: the viewer (/viewer/), the layers, and the "
                        "MBTiles tiles at /tiles/{layer}/{slice}/{z}/{x}/{y}.png. Ctrl-C stops it (exit 0)");
        sub.add_option("DIR", dir_, "Output directory written by `naqsha run`")->capture_default_str();
        sub.add_option("--port", port_, "TCP port (0: any free port, printed at start)")
            ->check(CLI::Range(0, 65535))
            ->capture_default_str();
        sub.add_option("--bind", bind_, "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every network)")
            ->capture_default_str();
    }

    int run(const global_options& global) override {
        std::error_code ec;
        const fs::path root = fs::canonical(dir_, ec);
        if (ec || !fs::is_directory(root))
            throw usage_error(dir_ + ": not a directory to serve" + (ec ? " (" + ec.message() + ")" : std::string()) +
                              "; run `naqsha run` first, or give the output directory");
        quiet_ = global.quiet;

        httplib::Server server;
        // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server (anyone's)
        // could bind the same port and take half the requests instead of being refused.
        server.set_socket_options([](socket_t sock) {
            int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        server.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
        // Every request is answered here, before httplib's routing, which would match a std::regex per
        // request; a method that writes never reaches a body reader.
        server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
            if (req.method == "GET" || req.method == "HEAD") {
                handle(root, req, res);
            } else {
                res.set_header("Allow", "GET, HEAD");
                refuse(res, 405, "read-only: only GET and HEAD");
            }
            return httplib::Server::HandlerResponse::Handled;
        });
        server.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });

        int port = port_;
        if (port == 0) port = server.bind_to_any_port(bind_);
        else if (!server.bind_to_port(bind_, port)) port = -1;
        if (port < 0)
            throw usage_error(fmt::format("--bind {} --port {}: cannot listen there (in use, or not an address of this "
                                          "machine); choose another --port",
                                          bind_, port_));
        if (!quiet_) {
            fmt::print("naqsha serve: {} at http://{}:{}/viewer/ (Ctrl-C stops)\n", root.string(),
                       bind_.find(':') != std::string::npos ? "[" + bind_ + "]" : bind_, port);
            std::fflush(stdout);
        }

        // The signal handler only records the signal; this thread turns it into a clean stop.
        std::atomic<bool> done{false};
        std::thread watcher([&] {
            while (!done && stop_signal() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            server.stop();
        });
        const bool listened = server.listen_after_bind();
        done = true;
        watcher.join();
        if (!listened && stop_signal() == 0) throw output_error(fmt::format("{}:{}: the server stopped", bind_, port));
        if (!quiet_) fmt::print("naqsha serve: stopped\n");
        return exit_success;
    }

private:
    void handle(const fs::path& root, const httplib::Request& req, httplib::Response& res) const {
        if (req.path == "/") {
            res.set_redirect("/viewer/");
            return;
        }
        const auto file = resolve_inside(root, req.path);
        if (!file) return refuse(res, 403, "forbidden: outside the served directory");
        if (auto tile = parse_tile_path(req.path)) {
            const auto mbtiles = resolve_inside(root, "tiles/" + tile->mbtiles_name());
            std::error_code ec;
            if (mbtiles && fs::is_regular_file(*mbtiles, ec)) return send_tile(*mbtiles, tile->xyz, req, res);
        }
        send_file(*file, req, res);
    }

    static void send_tile(const fs::path& mbtiles, geo::tile_id xyz, const httplib::Request& req, httplib::Response& res) {
        std::string png;
        try {
            png = tiles::read_mbtiles_tile(mbtiles, xyz);
        } catch (const input_error& e) {
            return refuse(res, 500, e.what());
        }
        if (png.empty()) return refuse(res, 404, "no such tile (outside the country, or beyond the zoom levels)");
        if (not_modified(req, res, etag_of(png))) return;
        res.set_content(std::move(png), "image/png");
    }

    static void send_file(fs::path file, const httplib::Request& req, httplib::Response& res) {
        std::error_code ec;
        if (fs::is_directory(file, ec)) {
            if (req.path.empty() || req.path.back() != '/') return res.set_redirect(req.path + "/");
            file /= "index.html";
        }
        if (!fs::is_regular_file(file, ec)) return refuse(res, 404, "not found");
        const auto size = fs::file_size(file, ec);
        const auto modified = fs::last_write_time(file, ec);
        if (ec) return refuse(res, 404, "not found");
        if (not_modified(req, res, etag_of(size, modified))) return;
        // Streamed: a GeoPackage of a large run is hundreds of megabytes.
        auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
        if (!*in) return refuse(res, 404, "not found");
        res.set_content_provider(size, std::string(mime_type_of(file)),
                                 [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     std::vector<char> buffer(std::min<std::size_t>(length, 1 << 16));
                                     in->seekg(std::streamoff(offset));
                                     in->read(buffer.data(), std::streamsize(buffer.size()));
                                     if (in->gcount() <= 0) return false;
                                     return sink.write(buffer.data(), std::size_t(in->gcount()));
                                 });
    }

    void log(const httplib::Request& req, const httplib::Response& res) {
        if (quiet_) return;
        const auto length = res.get_header_value("Content-Length");
        std::lock_guard lock(log_mutex_);
        fmt::print(stderr, "{} \"{} {}\" {} {}\n", req.remote_addr, req.method, req.target.empty() ? req.path : req.target,
                   res.status, length.empty() ? std::to_string(res.body.size()) : length);
    }

    std::string dir_ = "out";
    int port_ = 8080;
    std::string bind_ = "127.0.0.1";
    bool quiet_ = false;
    std::mutex log_mutex_;
};

} // namespace

std::unique_ptr<command> make_serve_command() { return std::make_unique<serve_command>(); }

} // namespace naqsha::app
