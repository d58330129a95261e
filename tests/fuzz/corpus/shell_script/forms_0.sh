echo "$X" ${X} ${UNSET:-dflt} ${UNSET-d} $? "$(echo a $(echo b))" `echo c`
