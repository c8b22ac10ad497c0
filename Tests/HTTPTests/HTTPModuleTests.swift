import Testing
import HTTP

@Suite("HTTP module") struct HTTPModuleTests {}
