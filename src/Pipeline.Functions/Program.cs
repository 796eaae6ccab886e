using Pipeline.Functions.Hosting;

if (WorkerHost.IsStartedByFunctionsHost(args))
{
    await WorkerHost.RunAsync(args);
    return 0;
}

return await PipelineApp.RunAsync(args);
