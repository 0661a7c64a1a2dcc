using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace CaseDesk.Tests.Support;

/// <summary>
/// A SignalR hub client in a few lines of raw <see cref="ClientWebSocket"/>, speaking the JSON hub protocol
/// (the .NET SignalR client does not restore here): handshake <c>{"protocol":"json","version":1}</c>, records
/// ended by 0x1E, invocations (type 1), completions (3), pings (6), close (7). Self-contained (no test helpers),
/// so the benchmark can link the same file.
/// </summary>
public sealed class SignalRJsonClient : IAsyncDisposable
{
    public const char RecordSeparator = '\u001e';
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket socket;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> pending = new();
    private readonly Channel<Received> invocations = Channel.CreateUnbounded<Received>();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private Task receiving = Task.CompletedTask;
    private Task keepingAlive = Task.CompletedTask;
    private int nextInvocationId;

    /// <summary>A server-to-client invocation (type 1) and when its record arrived (UTC).</summary>
    public sealed record Received(string Target, JsonElement Arguments, DateTime ReceivedAtUtc);

    private SignalRJsonClient(ClientWebSocket socket) => this.socket = socket;

    /// <summary>Why the server closed the connection, when it sent a close message.</summary>
    public string? CloseError { get; private set; }

    /// <summary>Signs in through the app's static login form and returns the cookies of the signed-in session.</summary>
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string userName, string password, CancellationToken ct = default)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("account/login", ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success)
            throw new InvalidOperationException("The login page has no antiforgery token.");
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(baseAddress)["CaseDesk.Auth"] is null)
            throw new InvalidOperationException($"Signing in as {userName} failed: HTTP {(int)response.StatusCode}.");
        return cookies;
    }

    /// <summary>The status code of the hub's negotiate request (200 when the caller may connect).</summary>
    public static async Task<HttpStatusCode> NegotiateStatusAsync(Uri baseAddress, string hubPath, CookieContainer? cookies, CancellationToken ct = default)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = baseAddress };
        using var response = await http.PostAsync($"{hubPath.TrimStart('/')}/negotiate?negotiateVersion=1", null, ct);
        return response.StatusCode;
    }

    /// <summary>Opens the WebSocket (skipping negotiation) and completes the handshake; a refused upgrade throws <see cref="HubRefusedException"/>.</summary>
    public static async Task<SignalRJsonClient> ConnectAsync(Uri baseAddress, string hubPath, CookieContainer? cookies, CancellationToken ct = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (cookies is not null)
            socket.Options.Cookies = cookies;
        var address = new UriBuilder(new Uri(baseAddress, hubPath.TrimStart('/'))) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(address, ct);
        }
        catch (WebSocketException e)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new HubRefusedException(status, e);
        }
        var client = new SignalRJsonClient(socket);
        await client.HandshakeAsync(ct);
        return client;
    }

    private async Task HandshakeAsync(CancellationToken ct)
    {
        await SendRecordAsync("""{"protocol":"json","version":1}""", ct);
        // The handshake answer is the first record: {} or {"error":"..."}.
        var first = await ReceiveRecordsAsync(ct);
        using var answer = JsonDocument.Parse(first[0]);
        if (answer.RootElement.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"The hub refused the handshake: {error.GetString()}");
        foreach (var record in first.Skip(1))
            Dispatch(record);
        receiving = Task.Run(ReceiveLoopAsync);
        keepingAlive = Task.Run(KeepAliveLoopAsync);
    }

    /// <summary>Invokes a hub method and returns its result (completion type 3); a hub error throws.</summary>
    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken ct = default)
    {
        var id = Interlocked.Increment(ref nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        await SendRecordAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }), ct);
        using (ct.Register(() => completion.TrySetCanceled(ct)))
            return await completion.Task;
    }

    /// <summary>The next server-to-client invocation of <paramref name="target"/> that <paramref name="accept"/> accepts; others are skipped.</summary>
    public async Task<Received> WaitForAsync(string target, Func<JsonElement, bool>? accept = null, CancellationToken ct = default)
    {
        while (true)
        {
            var message = await invocations.Reader.ReadAsync(ct);
            if (message.Target == target && (accept is null || accept(message.Arguments)))
                return message;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
                foreach (var record in await ReceiveRecordsAsync(stop.Token))
                    Dispatch(record);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or EndOfStreamException)
        {
            // Closed by either side: waiting callers fail below.
        }
        foreach (var waiting in pending.Values)
            waiting.TrySetException(new InvalidOperationException($"The hub connection closed. {CloseError}"));
        invocations.Writer.TryComplete(new InvalidOperationException($"The hub connection closed. {CloseError}"));
    }

    private async Task KeepAliveLoopAsync()
    {
        using var timer = new PeriodicTimer(KeepAliveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token) && socket.State == WebSocketState.Open)
                await SendRecordAsync("""{"type":6}""", stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }
    }

    private void Dispatch(string record)
    {
        var received = DateTime.UtcNow;
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                invocations.Writer.TryWrite(new Received(root.GetProperty("target").GetString()!, root.GetProperty("arguments").Clone(), received));
                break;
            case 3 when pending.TryRemove(root.GetProperty("invocationId").GetString()!, out var completion):
                if (root.TryGetProperty("error", out var error))
                    completion.TrySetException(new HubInvocationException(error.GetString() ?? ""));
                else
                    completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                break;
            case 7:
                CloseError = root.TryGetProperty("error", out var reason) ? reason.GetString() : null;
                break;
        }
    }

    private async Task SendRecordAsync(string json, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        await sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private readonly StringBuilder partial = new();
    private readonly byte[] buffer = new byte[64 * 1024];

    /// <summary>Reads WebSocket messages until at least one complete record is buffered; returns the complete ones.</summary>
    private async Task<List<string>> ReceiveRecordsAsync(CancellationToken ct)
    {
        var records = new List<string>();
        while (records.Count == 0)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new EndOfStreamException("The server closed the WebSocket.");
            partial.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (!result.EndOfMessage) continue;
            var text = partial.ToString();
            var end = text.LastIndexOf(RecordSeparator);
            if (end < 0) continue;
            records.AddRange(text[..end].Split(RecordSeparator));
            partial.Clear().Append(text[(end + 1)..]);
        }
        return records;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing left to close.
            }
        }
        await Task.WhenAll(receiving, keepingAlive);
        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
    }
}

/// <summary>The hub refused the WebSocket upgrade (e.g. 401 not signed in, 403 wrong role).</summary>
public sealed class HubRefusedException(HttpStatusCode status, Exception inner)
    : Exception($"The hub refused the connection: HTTP {(int)status}.", inner)
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>A hub method answered with an error.</summary>
public sealed class HubInvocationException(string error) : Exception(error);
