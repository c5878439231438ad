from aligncheck.cli import main

main()
