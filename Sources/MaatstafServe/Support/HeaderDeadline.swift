import NIOCore

/// Closes a connection whose first request has not arrived whole within its limit: a client that opens a connection
/// and sends its headers a byte at a time (or never) would otherwise hold it open, and enough of them starve every
/// other request. The limit is `limit` (10 s), or `underPressure` (1 s) for a connection opened while many are open
/// (`ConnectionLoad`). It sits after the HTTP decoder, so the first read it sees is a request whose head is complete.
/// An idle connection between requests is closed by the server's idle timeout.
final class HeaderDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Any

    let limit: TimeAmount
    let underPressure: TimeAmount
    let load: ConnectionLoad
    private var deadline: Scheduled<Void>?
    private var counted = false

    init(limit: TimeAmount, underPressure: TimeAmount, load: ConnectionLoad) {
        self.limit = limit
        self.underPressure = underPressure
        self.load = load
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if !counted { arm(context) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    private func release() {
        deadline?.cancel()
        deadline = nil
        if counted {
            counted = false
            load.closed()
        }
    }

    private func arm(_ context: ChannelHandlerContext) {
        counted = true
        let pressed = load.opened()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: pressed ? underPressure : limit) { channel.close(promise: nil) }
    }
}
