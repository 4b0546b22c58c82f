namespace HybridSgd.Host.Service;

/// <summary>
/// The service itself cannot go on (its checkpoint cannot be written). Deliberately not an <see cref="IOException"/>:
/// those mean "this fed file is unusable", which fails the file and keeps the service running.
/// </summary>
public sealed class ServiceFaultException(string message, Exception innerException) : Exception(message, innerException);
