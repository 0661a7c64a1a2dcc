using CaseDesk.Proxy;

WebApplication app;
try
{
    app = ProxyHost.Build(args);
}
catch (ProxyConfigurationException error)
{
    // A configuration mistake: say what to fix, without a stack trace.
    Console.Error.WriteLine($"CaseDesk proxy cannot start: {error.Message}");
    return 1;
}
app.Run();
return 0;
